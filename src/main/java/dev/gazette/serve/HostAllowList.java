package dev.gazette.serve;

import org.eclipse.jetty.util.HostPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code Host} and {@code Origin} values the preview answers, against DNS rebinding: a page
 * on {@code evil.example} whose name is re-pointed at 127.0.0.1 reaches the preview with
 * {@code Host: evil.example:4000} (and its own {@code Origin}), so only names that cannot be
 * re-pointed are let through: {@code localhost}, IP literals of loopback addresses, the bound
 * address (every local interface's when bound to the wildcard address) and the name given to
 * {@code --bind}; each with the server's port. Nothing here asks DNS anything.
 */
final class HostAllowList {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final Set<String> names;
    private final Set<InetAddress> addresses;
    private final int port;

    private HostAllowList(Set<String> names, Set<InetAddress> addresses, int port) {
        this.names = names;
        this.addresses = addresses;
        this.port = port;
    }

    /** @param bound the address the server listens on, as given; {@code port} the port it got */
    static HostAllowList forServer(InetSocketAddress bound, int port) {
        Set<String> names = new HashSet<>(Set.of("localhost"));
        Set<InetAddress> addresses = new HashSet<>();
        InetAddress address = bound.getAddress();
        if (address == null || address.isAnyLocalAddress()) {
            addresses.addAll(interfaceAddresses());
        } else {
            addresses.add(address);
        }
        String given = bound.getHostString();
        if (!given.isEmpty() && literal(given) == null) {
            names.add(name(given));
        }
        return new HostAllowList(Set.copyOf(names), Set.copyOf(addresses), port);
    }

    /** Whether a {@code Host} header value (or a request target's authority) names this server. */
    boolean allowsHost(String authority) {
        if (authority == null || authority.isEmpty()) {
            return false;
        }
        HostPort hostPort;
        try {
            hostPort = new HostPort(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return hostPort.hasHost() && hostPort.getPort(80) == port && allowsName(hostPort.getHost());
    }

    /** Whether an {@code Origin} header value is this server's own origin ({@code null} is not). */
    boolean allowsOrigin(String origin) {
        String prefix = "http://";
        if (origin == null || !origin.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        String authority = origin.substring(prefix.length());
        return !authority.contains("/") && !authority.contains("@") && allowsHost(authority);
    }

    private boolean allowsName(String host) {
        InetAddress ip = literal(host);
        if (ip != null) {
            return ip.isLoopbackAddress() || addresses.contains(ip);
        }
        return names.contains(name(host));
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    private static String name(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The address an IP literal ({@code 127.0.0.1}, {@code [::1]}) stands for; null for a name. */
    static InetAddress literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                // Brackets make the JDK parse an IPv6 literal or fail; it never falls back to DNS.
                return InetAddress.getByName(host);
            }
            Matcher m = IPV4.matcher(host);
            if (!m.matches()) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> all = new HashSet<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.addAll(Collections.list(network.getInetAddresses()));
            }
        } catch (SocketException e) {
            // No interface list: loopback names and literals still work.
        }
        return all;
    }
}
