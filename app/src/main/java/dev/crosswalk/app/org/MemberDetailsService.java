package dev.crosswalk.app.org;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The login form looks members up by email. */
@Service
class MemberDetailsService implements UserDetailsService {
    private final MemberRepository repository;

    MemberDetailsService(MemberRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return repository.principalByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown member"));
    }
}
