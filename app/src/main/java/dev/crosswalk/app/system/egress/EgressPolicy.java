package dev.crosswalk.app.system.egress;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The one rule for server-side HTTP to addresses users give (webhooks): which URLs may be saved and
 * which resolved addresses may be connected to. {@link EgressClient} applies it again on every
 * connection, to the addresses it actually connects to, so a name that resolved to a public address
 * when the webhook was saved and to {@code 127.0.0.1} later (DNS rebinding) is still refused.
 *
 * <p>Refused unless an operator allows the network on purpose ({@code crosswalk.webhooks.allowed-networks},
 * CIDR list): loopback, unspecified, link-local (cloud metadata), private (RFC 1918, fc00::/7, fec0::/10),
 * CGNAT, multicast, reserved and broadcast, IPv6 forms that embed an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo), hosts written as numbers other than a plain dotted quad (decimal, hex, octal,
 * short forms — resolvers read them differently), schemes other than http(s), and plain http outside
 * an allowed network.
 */
@Component
public final class EgressPolicy {

    /** Where an address may be connected to, and why not. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow(String reason) {
            return new Decision(true, reason);
        }

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    /** Resolves a host name to all its addresses; a seam so tests can play DNS rebinding. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record Network(IpAddressMatcher matcher, String cidr, String reason) {
        boolean contains(InetAddress a) {
            return matcher.matches(a.getHostAddress());
        }
    }

    private static final List<Network> REFUSED = List.of(
            network("0.0.0.0/8", "an unspecified address"),
            network("127.0.0.0/8", "a loopback address"),
            network("10.0.0.0/8", "a private address"),
            network("172.16.0.0/12", "a private address"),
            network("192.168.0.0/16", "a private address"),
            network("100.64.0.0/10", "a carrier-grade NAT address"),
            network("169.254.0.0/16", "a link-local address (cloud metadata lives here)"),
            network("192.0.0.0/24", "an IETF protocol address"),
            network("198.18.0.0/15", "a benchmarking address"),
            network("224.0.0.0/4", "a multicast address"),
            network("240.0.0.0/4", "a reserved or broadcast address"),
            network("::/128", "an unspecified address"),
            network("::1/128", "a loopback address"),
            network("::/96", "an IPv4-compatible IPv6 address"),
            network("64:ff9b::/96", "a NAT64 address embedding an IPv4 address"),
            network("2002::/16", "a 6to4 address embedding an IPv4 address"),
            network("2001::/32", "a Teredo address embedding an IPv4 address"),
            network("fe80::/10", "a link-local address"),
            network("fec0::/10", "a site-local address"),
            network("fc00::/7", "a private (unique local) address"),
            network("ff00::/8", "a multicast address"));

    /** A dotted quad as everyone reads it: four decimal parts 0–255 without leading zeros. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final List<Network> allowed;
    private final HostResolver resolver;

    @Autowired
    public EgressPolicy(@Value("${crosswalk.webhooks.allowed-networks:}") List<String> allowedNetworks) {
        this(allowedNetworks, InetAddress::getAllByName);
    }

    public EgressPolicy(List<String> allowedNetworks, HostResolver resolver) {
        this.allowed = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(cidr -> network(cidr, "allowed by crosswalk.webhooks.allowed-networks")).toList();
        this.resolver = resolver;
    }

    /**
     * Checks a URL before it is saved: its scheme and host form, and every address its host resolves
     * to now. Returns the normalized URL.
     */
    public URI checkUrl(String raw) throws EgressRefusedException {
        URI url;
        try {
            url = new URI(raw == null ? "" : raw.trim());
        } catch (URISyntaxException e) {
            throw new EgressRefusedException("is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new EgressRefusedException("needs an https:// URL");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new EgressRefusedException("needs a host name (and no user name or password in the URL)");
        }
        InetAddress[] addresses = resolve(url.getHost());
        if (scheme.equals("http")) {
            for (InetAddress a : addresses) {
                if (allowedNetwork(a) == null) {
                    throw new EgressRefusedException("needs https (plain http only to a network allowed by the operator)");
                }
            }
        }
        return url.normalize();
    }

    /**
     * Resolves a host and checks every address; all must be allowed (a name that mixes a public and
     * an internal address is refused as a whole). The connector connects only to what this returns.
     */
    public InetAddress[] resolve(String host) throws EgressRefusedException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        InetAddress[] addresses;
        if (h.startsWith("[") || h.contains(":")) {
            String literal = h.replace("[", "").replace("]", "");
            if (literal.contains("%")) {
                throw new EgressRefusedException("uses an IPv6 zone (a link-local address)");
            }
            if (!InetAddresses.isInetAddress(literal)) {
                throw new EgressRefusedException("has an invalid IPv6 address");
            }
            InetAddress a = InetAddresses.forString(literal);
            if (a instanceof Inet4Address) {
                // Only an IPv4-mapped literal (::ffff:a.b.c.d) becomes an IPv4 address when parsed.
                throw new EgressRefusedException("uses an IPv4-mapped IPv6 address");
            }
            addresses = new InetAddress[] {a};
        } else if (numericLooking(h)) {
            if (!DOTTED_QUAD.matcher(h).matches()) {
                throw new EgressRefusedException("writes its address as a number in an unusual form (decimal, hex, octal or short)");
            }
            addresses = new InetAddress[] {InetAddresses.forString(h)};
        } else if (h.equals("localhost") || h.endsWith(".localhost")) {
            // RFC 6761: always loopback, whatever a resolver says; an operator allows the address, not the name.
            throw new EgressRefusedException("points to a loopback name");
        } else {
            try {
                addresses = resolver.resolve(h);
            } catch (UnknownHostException e) {
                throw new EgressRefusedException("has a host name that does not resolve");
            }
        }
        if (addresses.length == 0) {
            throw new EgressRefusedException("has a host name that does not resolve");
        }
        for (InetAddress a : addresses) {
            Decision d = check(a);
            if (!d.allowed()) {
                throw new EgressRefusedException("points to " + d.reason());
            }
        }
        return addresses;
    }

    /** Whether one resolved address may be connected to. */
    public Decision check(InetAddress address) {
        Network ok = allowedNetwork(address);
        if (ok != null) {
            return Decision.allow(ok.reason() + " (" + ok.cidr() + ")");
        }
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            return Decision.refuse("an IPv4-compatible IPv6 address");
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Decision.refuse(REFUSED.stream().filter(n -> n.contains(address)).map(Network::reason).findFirst()
                    .orElse("an internal address"));
        }
        for (Network n : REFUSED) {
            if (n.contains(address)) {
                return Decision.refuse(n.reason());
            }
        }
        return Decision.allow("a public address");
    }

    private Network allowedNetwork(InetAddress address) {
        for (Network n : allowed) {
            if (n.contains(address)) {
                return n;
            }
        }
        return null;
    }

    /** The last label of a host name never starts with a digit (no TLD does); an address does. */
    private static boolean numericLooking(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isDigit(last.charAt(0));
    }

    private static Network network(String cidr, String reason) {
        return new Network(new IpAddressMatcher(cidr), cidr, reason);
    }
}
