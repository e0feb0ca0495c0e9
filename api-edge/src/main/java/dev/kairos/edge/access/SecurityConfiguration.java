package dev.kairos.edge.access;

import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.apikeys.ApiKeyFilter;
import dev.kairos.edge.support.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Every request is authenticated as an OAuth 2.0 resource server: a bearer JWT issued by the engine itself, or by
 * the identity provider a business trusts ({@link TrustedIssuers}), or an API key of a business ({@link ApiKeyFilter}, ahead of
 * bearer tokens). Signing in, discovery, and customers' signed
 * manage-booking links need no token. Once the caller is known, {@link CallerFilter}s run (rate limits, IP
 * allowlists), then {@link AccessRules} judges the endpoint, the tenant and ownership.
 */
@Configuration
public class SecurityConfiguration implements WebMvcConfigurer {
    static final String[] OPEN = {
            "/api/v1/auth/register", "/api/v1/auth/customers/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout", "/api/v1/auth/sso/**", "/api/v1/manage/**", "/.well-known/**", "/oauth2/jwks",
            "/api/v1/events/catalogue", "/api/v1/events/schemas/*",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/actuator/health/**",
            "/actuator/info", "/error"};

    private final AccessRules rules;

    SecurityConfiguration(AccessRules rules) {
        this.rules = rules;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, EngineTokens own, ObjectProvider<TrustedIssuers> trusted,
                            ObjectProvider<CallerFilter> callerFilters, ApiKeyFilter apiKeys, JsonMapper json) throws Exception {
        AuthenticationManager ownTokens = own.authenticationManager();
        TrustedIssuers others = trusted.getIfAvailable(() -> issuer -> java.util.Optional.empty());
        JwtIssuerAuthenticationManagerResolver byIssuer = new JwtIssuerAuthenticationManagerResolver(issuer ->
                own.issuer().equals(issuer) ? ownTokens : others.forIssuer(issuer).orElse(null));
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(request, response, e, json);
        AccessDeniedHandler denied = (request, response, e) ->
                Problems.write(response, json, ErrorCode.ACCESS_DENIED, "the caller may not do this");
        http.csrf(c -> c.disable())
                .cors(c -> { })
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll()
                        // an asynchronous dispatch finishes a response (a live event stream) judged on its request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(byIssuer)
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(h -> h
                        .contentTypeOptions(c -> { })
                        .frameOptions(f -> f.deny())
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .cacheControl(c -> { }))
                .addFilterBefore(apiKeys, BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new CallerFilters(callerFilters.orderedStream().toList()), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** URLs the firewall refuses (empty segments, encoded slashes, "..") get a problem like any other bad input. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> Problems.write(response, json, ErrorCode.INVALID_VALUE,
                "the request URL is malformed: empty path segments, encoded slashes and dot segments are refused");
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                                        JsonMapper json) throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (presented || e instanceof InvalidBearerTokenException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"the token was refused\"");
            Problems.write(response, json, ErrorCode.INVALID_TOKEN, "the bearer token was refused: " + reason(e));
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(response, json, ErrorCode.AUTHENTICATION_REQUIRED, "this endpoint needs a bearer token or an API key");
        }
    }

    /** Why a token was refused, without echoing the token. */
    private static String reason(AuthenticationException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rules).addPathPatterns("/api/**", "/.well-known/**", "/oauth2/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.hasParameterAnnotation(ActingFor.class) && parameter.getParameterType() == UUID.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                return AccessRules.businessOf(request.getNativeRequest(HttpServletRequest.class)).id();
            }
        });
    }

    /** The {@link CallerFilter} beans, in order, as one step of the security chain. */
    private static final class CallerFilters extends OncePerRequestFilter {
        private final List<CallerFilter> filters;

        CallerFilters(List<CallerFilter> filters) {
            this.filters = List.copyOf(filters);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            run(0, request, response, chain);
        }

        private void run(int i, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (i == filters.size()) {
                chain.doFilter(request, response);
            } else {
                filters.get(i).filter(request, response, (req, res) ->
                        run(i + 1, (HttpServletRequest) req, (HttpServletResponse) res, chain));
            }
        }
    }
}
