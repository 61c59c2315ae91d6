package dev.crosswalk.app.org;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session carries no stale authority: on every request of a signed-in browser the member is
 * re-read (one primary-key lookup). A removed member (or one no longer in the session's
 * organization) is signed out at once, so the request continues unauthenticated (401 for the
 * API, the login page for the UI); a changed role applies to this very request and is written
 * back to the session.
 */
final class SessionMemberRefresh extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionMemberRefresh.class);

    private final MemberRepository members;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionMemberRefresh(MemberRepository members) {
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = session == null ? null : holder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof MemberPrincipal seen) {
            Optional<MemberPrincipal> now = members.principalById(seen.memberId())
                    .filter(m -> m.organizationId().equals(seen.organizationId()));
            if (now.isEmpty()) {
                LOG.info("Signed out a session of a member who was removed");
                holder.clearContext();
                session.invalidate();
            } else if (!now.get().equals(seen)) {
                UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(now.get(), null,
                        now.get().getAuthorities());
                fresh.setDetails(auth.getDetails());
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(fresh);
                holder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
