package dev.kairos.edge.sso;

import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** What the engine sends as a SAML service provider: AuthnRequests (HTTP-Redirect binding) and its metadata. */
final class SamlMessages {
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    private SamlMessages() {
    }

    static String authnRequest(String id, Instant issued, String destination, String acs, String spEntityId) {
        return "<samlp:AuthnRequest xmlns:samlp=\"" + PROTOCOL + "\" xmlns:saml=\"" + ASSERTION + "\""
                + " ID=\"" + attr(id) + "\" Version=\"2.0\" IssueInstant=\"" + issued.truncatedTo(ChronoUnit.SECONDS) + "\""
                + " Destination=\"" + attr(destination) + "\" AssertionConsumerServiceURL=\"" + attr(acs) + "\""
                + " ProtocolBinding=\"" + POST_BINDING + "\">"
                + "<saml:Issuer>" + attr(spEntityId) + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"" + EMAIL_FORMAT + "\" AllowCreate=\"true\"/>"
                + "</samlp:AuthnRequest>";
    }

    /** The HTTP-Redirect binding (SAML 2.0 Bindings, section 3.4): DEFLATE, base64, URL-encoded, with RelayState. */
    static String redirect(String ssoUrl, String authnRequest, String relayState) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater)) {
            out.write(authnRequest.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("deflating in memory does not fail", e);
        } finally {
            deflater.end();
        }
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("SAMLRequest", Base64.getEncoder().encodeToString(deflated.toByteArray()));
        query.put("RelayState", relayState);
        return Query.append(ssoUrl, query);
    }

    static String metadata(String entityId, String acs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + attr(entityId) + "\">\n"
                + "  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\""
                + " protocolSupportEnumeration=\"" + PROTOCOL + "\">\n"
                + "    <md:NameIDFormat>" + EMAIL_FORMAT + "</md:NameIDFormat>\n"
                + "    <md:AssertionConsumerService Binding=\"" + POST_BINDING + "\" Location=\"" + attr(acs)
                + "\" index=\"0\" isDefault=\"true\"/>\n"
                + "  </md:SPSSODescriptor>\n"
                + "</md:EntityDescriptor>\n";
    }

    private static String attr(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
