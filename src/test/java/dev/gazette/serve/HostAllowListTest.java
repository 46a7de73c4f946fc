package dev.gazette.serve;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class HostAllowListTest {

    @Test
    void aLoopbackBindingAnswersLoopbackNamesOnItsPortOnly() throws Exception {
        HostAllowList hosts = HostAllowList.forServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4000);
        assertThat(hosts.allowsHost("127.0.0.1:4000")).isTrue();
        assertThat(hosts.allowsHost("localhost:4000")).isTrue();
        assertThat(hosts.allowsHost("[::1]:4000")).isTrue();
        assertThat(hosts.allowsHost("127.0.0.1:4001")).isFalse();
        assertThat(hosts.allowsHost("127.0.0.1")).as("no port means 80").isFalse();
        assertThat(hosts.allowsHost("sub.localhost:4000")).isFalse();
        assertThat(hosts.allowsHost("localhost.example:4000")).isFalse();
        assertThat(hosts.allowsHost("[::1:4000")).isFalse();
        assertThat(hosts.allowsHost(null)).isFalse();
        assertThat(hosts.allowsOrigin("http://localhost:4000")).isTrue();
        assertThat(hosts.allowsOrigin("HTTP://127.0.0.1:4000")).isTrue();
        assertThat(hosts.allowsOrigin("http://localhost:4000/path")).isFalse();
        assertThat(hosts.allowsOrigin("ws://localhost:4000")).isFalse();
        assertThat(HostAllowList.forServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), 80)
                .allowsHost("localhost")).isTrue();
    }

    @Test
    void theNameGivenToBindIsAllowedWithoutAskingDns() throws Exception {
        InetAddress named = InetAddress.getByAddress("preview.example", new byte[] {127, 0, 0, 1});
        HostAllowList hosts = HostAllowList.forServer(new InetSocketAddress(named, 0), 4000);
        assertThat(hosts.allowsHost("preview.example:4000")).isTrue();
        assertThat(hosts.allowsHost("PREVIEW.EXAMPLE.:4000")).isTrue();
        assertThat(hosts.allowsHost("other.example:4000")).isFalse();
    }

    @Test
    void aWildcardBindingAnswersEveryLocalAddressButNoForeignName() throws Exception {
        HostAllowList hosts = HostAllowList.forServer(new InetSocketAddress(4000), 4000);
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address.getAddress().length == 4) {
                    assertThat(hosts.allowsHost(address.getHostAddress() + ":4000")).as(address.toString()).isTrue();
                }
            }
        }
        assertThat(hosts.allowsHost("evil.example:4000")).isFalse();
        assertThat(hosts.allowsHost("203.0.113.7:4000")).as("not an address of this machine").isFalse();
    }

    @Test
    void onlyIpLiteralsAreLiterals() {
        assertThat(HostAllowList.literal("127.0.0.1")).isNotNull();
        assertThat(HostAllowList.literal("[::1]")).isNotNull();
        assertThat(HostAllowList.literal("256.1.1.1")).isNull();
        assertThat(HostAllowList.literal("[zz]")).isNull();
        assertThat(HostAllowList.literal("example.com")).isNull();
        assertThat(HostAllowList.literal("1.2.3")).isNull();
    }
}
