package dev.crosswalk.app.web;

import dev.crosswalk.app.health.Notifications;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Organization;
import dev.crosswalk.app.org.OrganizationService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout around every page needs: who is signed in, their organization's name and the
 * bell's unread count. Offered to every page controller as the model attribute {@code shell}
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

    /** Puts {@code shell} into the model of every page controller (REST controllers never render it). */
    @ControllerAdvice(annotations = Controller.class)
    static class Advice {
        private final Shell shell;

        Advice(Shell shell) {
            this.shell = shell;
        }

        @ModelAttribute("shell")
        View shell() {
            return shell.current();
        }
    }
}
