package dev.crosswalk.app.web;

import dev.crosswalk.app.system.Screens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.Controller;

/**
 * The "coming" page for screens of the navigation not built yet ({@link Screens#coming()}). Served
 * by a handler mapping ordered after the annotated controllers, so the page that eventually maps
 * the same URL with {@code @GetMapping} simply takes over — no change needed here.
 */
@Configuration(proxyBeanMethods = false)
class ComingPages {

    @Bean
    SimpleUrlHandlerMapping comingPagesMapping(Shell shell) {
        Map<String, Object> urls = new LinkedHashMap<>();
        for (Screens s : Screens.values()) {
            if (s.coming()) {
                Controller page = (request, response) -> {
                    ModelAndView mav = new ModelAndView("coming");
                    mav.addObject("screen", s);
                    mav.addObject("shell", shell.current());
                    return mav;
                };
                urls.put(s.urlTemplate(), page);
            }
        }
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(urls);
        // After RequestMappingHandlerMapping (0), before the static resources (lowest precedence - 1).
        mapping.setOrder(10);
        return mapping;
    }
}
