package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.junit.jupiter.api.Test;

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
}
