package dev.crosswalk.app.web;

import dev.crosswalk.app.health.Notifications;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What the layout around every page needs: who is signed in, their organization's name and the
 * bell's unread count. Offered to every rendered page as the model attribute {@code shell}
 * (computed only when a template reads it), and to handlers outside Spring MVC's annotations
 * through {@link #current()}.
 */
@Component
public class Shell {
    private final OrganizationService organizations;
    private final Notifications notifications;

    Shell(OrganizationService organizations, Notifications notifications) {
        this.organizations = organizations;
        this.notifications = notifications;
    }

    /** The signed-in member's shell, or an anonymous one (error pages seen before sign-in). */
    public View current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        MemberPrincipal me = a != null && a.getPrincipal() instanceof MemberPrincipal m ? m : null;
        return new View(me, organizations, notifications);
    }

    /** Lazy: templates that never show the shell cost no queries. */
    public static final class View {
        private final MemberPrincipal me;
        private final OrganizationService organizations;
        private final Notifications notifications;
        private String organizationName;
        private Integer unread;

        View(MemberPrincipal me, OrganizationService organizations, Notifications notifications) {
            this.me = me;
            this.organizations = organizations;
            this.notifications = notifications;
        }

        public boolean signedIn() {
            return me != null;
        }

        public MemberPrincipal me() {
            return me;
        }

        public String email() {
            return me == null ? "" : me.email();
        }

        public boolean admin() {
            return me != null && me.isAdmin();
        }

        public String role() {
            return me == null ? "" : Ui.Status.words(me.role().name());
        }

        public String organizationName() {
            if (organizationName == null && me != null) {
                organizationName = organizations.organization(me.organizationId()).map(Organization::name).orElse("");
            }
            return organizationName == null ? "" : organizationName;
        }

        public int unread() {
            if (unread == null) {
                unread = me == null ? 0 : notifications.unread(me.organizationId(), me.memberId());
            }
            return unread;
        }
    }

    /**
     * Puts {@code shell} into the model of every page a handler renders (a view, not a redirect). An interceptor, not a
     * {@code @ModelAttribute} advice: an advice for {@code @Controller} types applies to every handler, REST ones too
     * ({@code @RestController} is a {@code @Controller}), and its model machinery ran on every API call, the Salesforce
     * record page's included (P6 profile). Error pages and the coming-soon pages add it themselves.
     */
    @Configuration(proxyBeanMethods = false)
    static class Pages implements WebMvcConfigurer, HandlerInterceptor {
        private final Shell shell;

        Pages(Shell shell) {
            this.shell = shell;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
            if (page != null && page.hasView() && !page.getModel().containsKey("shell") && !redirect(page)) {
                page.addObject("shell", shell.current());
            }
        }

        private static boolean redirect(ModelAndView page) {
            return page.getView() instanceof RedirectView
                    || page.getViewName() != null && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
        }
    }
}
