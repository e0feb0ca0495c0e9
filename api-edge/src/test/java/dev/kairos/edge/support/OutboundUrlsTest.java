package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URLs the engine would fetch on a client's word: never its own network, loopback only when allowed. */
class OutboundUrlsTest {

    private static void refused(String url, boolean allowLoopback) {
        assertThatThrownBy(() -> OutboundUrls.check(url, allowLoopback, "documents", ErrorCode.SSO_URL_REFUSED,
                ErrorCode.SSO_DISCOVERY_FAILED))
                .isInstanceOfSatisfying(BookingException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SSO_URL_REFUSED));
    }

    @Test
    void loopbackOnlyWhenAllowed() {
        refused("http://127.0.0.1:8080/realms/x", false);
        refused("http://[::1]/x", false);
        assertThat(OutboundUrls.check("http://127.0.0.1:8080/realms/x", true, "documents", ErrorCode.SSO_URL_REFUSED,
                ErrorCode.SSO_DISCOVERY_FAILED).getPort()).isEqualTo(8080);
    }

    @Test
    void privateLinkLocalAndReservedNetworksNever() {
        for (String url : new String[]{"http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://240.0.0.1/"}) {
            refused(url, true);
        }
    }

    @Test
    void onlyHttpWithAHostAndNoUserInformation() {
        refused("file:///etc/passwd", true);
        refused("gopher://example.com/", true);
        refused("http://user:secret@example.com/", true);
        refused("not a url", true);
    }

    private static final OutboundUrls.Policy WEBHOOKS = new OutboundUrls.Policy(false,
            List.of(dev.kairos.edge.exposure.Cidr.parse("10.42.0.0/16")), true, java.util.Set.of("hooks.local"));

    private static void refusedBy(OutboundUrls.Policy policy, OutboundUrls.Resolver resolver, String url) {
        assertThatThrownBy(() -> OutboundUrls.check(url, policy, resolver, "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                ErrorCode.WEBHOOK_URL_UNREACHABLE))
                .isInstanceOfSatisfying(BookingException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WEBHOOK_URL_REFUSED));
    }

    private static OutboundUrls.Resolver resolving(String host, String address) {
        return name -> {
            if (name.equals(host)) {
                return new InetAddress[]{InetAddress.getByName(address)};
            }
            return InetAddress.getAllByName(name);
        };
    }

    @Test
    void aPolicyMayRequireHttpsExceptToNamedHostsAndAllowChosenBlocks() {
        OutboundUrls.Resolver dns = resolving("hooks.local", "203.0.113.5");
        refusedBy(WEBHOOKS, dns, "http://203.0.113.5/x");
        assertThat(OutboundUrls.check("http://hooks.local/x", WEBHOOKS, dns, "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                ErrorCode.WEBHOOK_URL_UNREACHABLE).getHost()).isEqualTo("hooks.local");
        assertThat(OutboundUrls.check("https://10.42.7.1/x", WEBHOOKS, dns, "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                ErrorCode.WEBHOOK_URL_UNREACHABLE).getHost()).isEqualTo("10.42.7.1");
        refusedBy(WEBHOOKS, dns, "https://10.43.0.1/x");
    }

    @Test
    void loopbackNamesAndNamesResolvingInsideAreRefusedWhenLoopbackIsNotAllowed() {
        for (String url : List.of("https://localhost/x", "https://[::1]/x", "https://127.0.0.1/x", "https://10.0.0.8/x",
                "https://192.168.0.3/x", "https://169.254.169.254/latest/meta-data/")) {
            refusedBy(WEBHOOKS, OutboundUrls.Resolver.SYSTEM, url);
        }
        refusedBy(WEBHOOKS, resolving("hooks.example.com", "192.168.4.4"), "https://hooks.example.com/x");
        refusedBy(WEBHOOKS, resolving("hooks.example.com", "fd12::9"), "https://hooks.example.com/x");
        assertThatThrownBy(() -> OutboundUrls.check("https://hooks.example.com/x", WEBHOOKS,
                name -> { throw new java.net.UnknownHostException(name); }, "webhooks", ErrorCode.WEBHOOK_URL_REFUSED,
                ErrorCode.WEBHOOK_URL_UNREACHABLE))
                .isInstanceOfSatisfying(BookingException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WEBHOOK_URL_UNREACHABLE));
    }
}
