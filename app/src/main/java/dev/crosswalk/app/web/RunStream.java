package dev.crosswalk.app.web;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.sync.SyncRun;
import dev.crosswalk.app.sync.SyncService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Live progress of an integration's runs over server-sent events: the overview subscribes
 * (htmx's SSE extension) and gets the runs panel re-rendered as HTML whenever it changes,
 * once a second at most. One shared ticker serves every open page.
 */
@Controller
class RunStream {
    private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(10);

    private final SyncService syncs;
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final Clock clock;
    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-progress-sse");
        t.setDaemon(true);
        return t;
    });

    private static final class Subscription {
        final UUID organizationId;
        final UUID integrationId;
        String last;

        Subscription(UUID organizationId, UUID integrationId) {
            this.organizationId = organizationId;
            this.integrationId = integrationId;
        }
    }

    RunStream(SyncService syncs, SpringTemplateEngine templates, ApplicationContext context, Clock clock) {
        this.syncs = syncs;
        this.templates = templates;
        this.context = context;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @GetMapping(path = "/integrations/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter subscribe(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        syncs.runs(me, id, 1); // 404 for another organization's integration
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscription s = new Subscription(me.organizationId(), id);
        s.last = render(s); // the page already shows this state
        subscriptions.put(emitter, s);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onTimeout(() -> subscriptions.remove(emitter));
        emitter.onError(e -> subscriptions.remove(emitter));
        return emitter;
    }

    private void tick() {
        for (var e : subscriptions.entrySet()) {
            Subscription s = e.getValue();
            try {
                String html = render(s);
                if (!html.equals(s.last)) {
                    s.last = html;
                    e.getKey().send(SseEmitter.event().name("runs").data(oneLine(html), MediaType.TEXT_HTML));
                }
            } catch (IOException | IllegalStateException ex) {
                subscriptions.remove(e.getKey());
            } catch (RuntimeException ex) {
                subscriptions.remove(e.getKey());
                e.getKey().completeWithError(ex);
            }
        }
    }

    private String render(Subscription s) {
        List<SyncRun> runs = syncs.recentRuns(s.organizationId, s.integrationId, 5);
        Context ctx = new Context();
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        ctx.setVariable("runs", runs);
        ctx.setVariable("progress", RunProgress.of(runs, clock.instant()));
        return templates.process("fragments/integration", Set.of("runs"), ctx);
    }

    /** An SSE data field ends at a line break; HTML outside {@code <pre>} reads the same on one line. */
    static String oneLine(String html) {
        return html.replace("\r", "").replace('\n', ' ');
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        subscriptions.keySet().forEach(SseEmitter::complete);
    }
}
