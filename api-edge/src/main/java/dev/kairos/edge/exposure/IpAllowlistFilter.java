package dev.kairos.edge.exposure;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.access.Caller;
import dev.kairos.edge.access.CallerFilter;
import dev.kairos.edge.access.Role;
import dev.kairos.edge.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * A business's IP allowlist applies to everyone acting for it (members and API keys) except its customers and the
 * platform's admins. The client's address is {@code request.getRemoteAddr()}: behind a reverse proxy set
 * {@code server.forward-headers-strategy} so it is the client's, not the proxy's.
 */
@Component
@Order(IpAllowlistFilter.ORDER)
class IpAllowlistFilter implements CallerFilter {
    static final int ORDER = 10;
    private final BusinessExposure exposure;
    private final JsonMapper json;

    IpAllowlistFilter(BusinessExposure exposure, JsonMapper json) {
        this.exposure = exposure;
        this.json = json;
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Caller caller = Caller.current().orElse(null);
        if (caller == null || caller.isPlatformAdmin() || caller.business() == null || caller.roles().equals(java.util.Set.of(Role.CUSTOMER))) {
            chain.doFilter(request, response);
            return;
        }
        List<Cidr> allowed = exposure.allowlist(caller.business());
        if (!Cidr.allows(allowed, request.getRemoteAddr())) {
            Problems.write(response, json, ErrorCode.IP_NOT_ALLOWED,
                    "requests for this business are not accepted from " + request.getRemoteAddr());
            return;
        }
        chain.doFilter(request, response);
    }
}
