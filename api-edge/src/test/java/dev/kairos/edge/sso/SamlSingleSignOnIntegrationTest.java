package dev.kairos.edge.sso;

import dev.kairos.edge.Api;
import dev.kairos.edge.EngineTest;
import dev.kairos.edge.Scenario;
import dev.kairos.edge.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAML 2.0 single sign-on against a real identity provider: Keycloak, run as its own process with an imported realm,
 * driven through its login form; its signed responses are posted to the engine's assertion consumer service as a
 * browser would. Keycloak signs with its own wall clock, so each test sets the engine's clock to the present moment.
 * The rejections tamper with genuine Keycloak responses.
 */
class SamlSingleSignOnIntegrationTest extends EngineTest {
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static Keycloak keycloak;

    @Autowired
    private Clock clock;
    private Scenario salon;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = Keycloak.start();
        System.out.println("Keycloak started in " + keycloak.startMillis + " ms");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void salonTrustsKeycloak() {
        ((TestClock) clock).set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        salon = Scenario.business(api, "Salon", "Europe/Berlin");
        keycloak.registerSamlClient(spEntityId(salon.businessId), acs(salon.businessId), true, false);
        configure(keycloak.signingCertificatePem());
    }

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    private void configure(String certificatePem) {
        Api.Response r = api.put(settings(), """
                {"idpEntityId":"%s","idpSsoUrl":"%s","idpCertificate":"%s","defaultRole":"analyst"}"""
                .formatted(keycloak.entityId(), keycloak.ssoUrl(), certificatePem.replace("\n", "\\n")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }

    private String settings() {
        return "/api/v1/businesses/" + salon.businessId + "/sso/saml";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String spEntityId(UUID business) {
        return base() + "/api/v1/auth/sso/" + business + "/saml/metadata";
    }

    private String acs(UUID business) {
        return base() + "/api/v1/auth/sso/" + business + "/saml/acs";
    }

    /** What Keycloak's page posts to the engine. */
    record Posted(String samlResponse, String relayState) {
        String xml() {
            return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        }

        Posted with(String xml) {
            return new Posted(Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)), relayState);
        }
    }

    /** The engine's AuthnRequest to Keycloak, Mia's login on Keycloak's form, and the response page's fields. */
    private Posted signInAtKeycloak(java.util.function.UnaryOperator<String> rewriteAuthnRequest) {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(base() + "/api/v1/auth/sso/" + salon.businessId + "/saml");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String redirect = Browser.location(start);
        assertThat(redirect).startsWith(keycloak.ssoUrl() + "?SAMLRequest=").contains("RelayState=");
        String samlRequest = URLDecoder.decode(Browser.find(redirect, "SAMLRequest=([^&]+)"), StandardCharsets.UTF_8);
        String rewritten = rewriteAuthnRequest.apply(inflate(samlRequest));
        String login = redirect.replaceFirst("SAMLRequest=[^&]+", "SAMLRequest=" + URLEncoder.encode(deflate(rewritten), StandardCharsets.UTF_8));
        HttpResponse<String> form = browser.get(login);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        String action = Browser.find(form.body(), "<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
        HttpResponse<String> posted = browser.postForm(action, Map.of("username", "mia", "password", "mia-password", "credentialId", ""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(Browser.find(posted.body(), "(?i)<form[^>]*action=\"([^\"]+)\"")).isEqualTo(acs(salon.businessId));
        return new Posted(Browser.find(posted.body(), "(?i)name=\"SAMLResponse\"\\s+value=\"([^\"]+)\""),
                Browser.find(posted.body(), "(?i)name=\"RelayState\"\\s+value=\"([^\"]+)\""));
    }

    private Posted signInAtKeycloak() {
        return signInAtKeycloak(request -> request);
    }

    private Api.Response postToAcs(Posted posted) {
        return api.anonymous().send(HttpRequest.newBuilder(java.net.URI.create(acs(salon.businessId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(Map.of("SAMLResponse", posted.samlResponse(),
                        "RelayState", posted.relayState())))));
    }

    private long accounts(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM app_user WHERE lower(email) = ?", Long.class, email);
    }

    @Test
    void aPersonSignsInThroughKeycloakAndActsWithEngineTokens() {
        Api.Response tokens = postToAcs(signInAtKeycloak());

        assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
        assertThat(tokens.text("businessId")).isEqualTo(salon.tenant());
        assertThat(tokens.json().path("roles").toString()).contains("analyst");
        Api.Response me = api.as(tokens.text("access_token")).get("/api/v1/auth/me");
        assertThat(me.status()).as(me.raw().body()).isEqualTo(200);
        assertThat(me.raw().body()).contains("mia@salon.test");
        assertThat(api.as(tokens.text("access_token")).get("/api/v1/businesses/" + salon.businessId + "/services").status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT name FROM app_user WHERE lower(email) = 'mia@salon.test'", String.class))
                .isEqualTo("Mia Sommer");
        assertThat(api.get("/api/v1/businesses/" + salon.businessId + "/auth-events").raw().body()).contains("sso-login-succeeded");
    }

    @Test
    void theServiceProviderPublishesItsMetadata() {
        Api.Response metadata = api.anonymous().get("/api/v1/auth/sso/" + salon.businessId + "/saml/metadata");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.contentType()).contains("application/samlmetadata+xml");
        assertThat(metadata.raw().body()).contains("entityID=\"" + spEntityId(salon.businessId) + "\"")
                .contains("Location=\"" + acs(salon.businessId) + "\"").contains("WantAssertionsSigned=\"true\"");
        Api.Response read = api.get(settings());
        assertThat(read.text("spEntityId")).isEqualTo(spEntityId(salon.businessId));
        assertThat(read.text("acsUrl")).isEqualTo(acs(salon.businessId));
    }

    @Test
    void settingsAreChecked() {
        Api.Response notPem = api.put(settings(), """
                {"idpEntityId":"x","idpSsoUrl":"https://idp.example/sso","idpCertificate":"hello","defaultRole":"staff"}""");
        assertThat(notPem.status()).isEqualTo(422);
        assertThat(notPem.code()).isEqualTo("sso-certificate-invalid");
        Api.Response owner = api.put(settings(), """
                {"idpEntityId":"x","idpSsoUrl":"https://idp.example/sso","idpCertificate":"%s","defaultRole":"owner"}"""
                .formatted(keycloak.signingCertificatePem().replace("\n", "\\n")));
        assertThat(owner.code()).isEqualTo("sso-role-not-allowed");
        Api.Response notUrl = api.put(settings(), """
                {"idpEntityId":"x","idpSsoUrl":"javascript:alert(1)","idpCertificate":"%s","defaultRole":"staff"}"""
                .formatted(keycloak.signingCertificatePem().replace("\n", "\\n")));
        assertThat(notUrl.code()).isEqualTo("validation-failed");
        assertThat(api.delete(settings()).status()).isEqualTo(204);
        assertThat(api.anonymous().get("/api/v1/auth/sso/" + salon.businessId + "/saml").code()).isEqualTo("sso-not-configured");
    }

    @Test
    void aResponseChangedAfterSigningIsRefused() {
        Posted genuine = signInAtKeycloak();
        Posted tampered = genuine.with(edit(genuine.xml(), doc -> {
            Element assertion = only(doc, ASSERTION, "Assertion");
            for (Element value : all(assertion, ASSERTION, "AttributeValue")) {
                if (value.getTextContent().equals("mia@salon.test")) {
                    value.setTextContent("eve@salon.test");
                }
            }
        }));
        Api.Response r = postToAcs(tampered);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-signature-invalid");
        assertThat(accounts("eve@salon.test")).isZero();
    }

    @Test
    void aWrappedSignedAssertionDoesNotVouchForAnInsertedOne() {
        Posted genuine = signInAtKeycloak();
        // the signed assertion is moved into Extensions; a forged copy for Eve takes its place
        Posted wrapped = genuine.with(edit(genuine.xml(), doc -> {
            Element response = doc.getDocumentElement();
            Element signed = only(doc, ASSERTION, "Assertion");
            Element forged = forgedCopy(signed, "_forged");
            Element extensions = doc.createElementNS(PROTOCOL, "samlp:Extensions");
            response.insertBefore(extensions, signed);
            response.replaceChild(forged, signed);
            extensions.appendChild(signed);
        }));
        Api.Response r = postToAcs(wrapped);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isIn("sso-saml-malformed", "sso-saml-signature-invalid");
        // the forged copy keeps the signed one's ID, the signed one follows it
        Posted sameId = genuine.with(edit(genuine.xml(), doc -> {
            Element signed = only(doc, ASSERTION, "Assertion");
            Element forged = forgedCopy(signed, signed.getAttribute("ID"));
            doc.getDocumentElement().insertBefore(forged, signed);
        }));
        Api.Response again = postToAcs(sameId);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isIn("sso-saml-malformed", "sso-saml-signature-invalid");
        assertThat(accounts("eve@salon.test")).isZero();
        // the genuine response still works: the attempts used nothing up
        assertThat(postToAcs(genuine).status()).isEqualTo(200);
    }

    @Test
    void anUnsignedResponseIsRefused() {
        Posted genuine = signInAtKeycloak();
        Posted unsigned = genuine.with(edit(genuine.xml(), doc -> {
            for (Element signature : all(doc.getDocumentElement(), DSIG, "Signature")) {
                signature.getParentNode().removeChild(signature);
            }
        }));
        Api.Response r = postToAcs(unsigned);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-signature-invalid");
    }

    @Test
    void aResponseSignedWithAnotherKeyIsRefused() throws Exception {
        Posted genuine = signInAtKeycloak();
        configure(Files.readString(Path.of(getClass().getResource("/sso/other-idp-certificate.pem").toURI())));
        Api.Response r = postToAcs(genuine);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-signature-invalid");
    }

    @Test
    void anAssertionForAnotherServiceProviderIsRefused() {
        String other = base() + "/another-service-provider/" + salon.businessId;
        keycloak.registerSamlClient(other, acs(salon.businessId), false, true);
        Posted forOther = signInAtKeycloak(request -> request.replace(">" + spEntityId(salon.businessId) + "<", ">" + other + "<"));
        assertThat(forOther.xml()).contains(other);
        Api.Response r = postToAcs(forOther);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-assertion-invalid");
        assertThat(r.text("detail")).contains("meant for");
    }

    @Test
    void anExpiredAssertionIsRefused() {
        Posted genuine = signInAtKeycloak();
        ((TestClock) clock).set(clock.instant().plus(1, ChronoUnit.HOURS));
        Api.Response r = postToAcs(genuine);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-assertion-invalid");
        assertThat(r.text("detail")).contains("expired");
    }

    @Test
    void aResponseIsAcceptedOnce() {
        Posted genuine = signInAtKeycloak();
        assertThat(postToAcs(genuine).status()).isEqualTo(200);
        Api.Response replay = postToAcs(genuine);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("sso-state-reused");
    }

    @Test
    void documentTypeDeclarationsAreNotParsed() {
        Posted genuine = signInAtKeycloak();
        String xml = genuine.xml().replaceFirst("^(<\\?xml[^>]*\\?>)?",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        Api.Response r = postToAcs(genuine.with(xml));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("sso-saml-malformed");
        Api.Response garbage = postToAcs(new Posted("not base64 !", genuine.relayState()));
        assertThat(garbage.code()).isEqualTo("sso-saml-malformed");
    }

    /** A copy of the assertion without its signature, for Eve, with the given ID. */
    private static Element forgedCopy(Element signed, String id) {
        Element forged = (Element) signed.cloneNode(true);
        forged.setAttribute("ID", id);
        for (Element signature : all(forged, DSIG, "Signature")) {
            signature.getParentNode().removeChild(signature);
        }
        for (Element nameId : all(forged, ASSERTION, "NameID")) {
            nameId.setTextContent("eve@salon.test");
        }
        for (Element value : all(forged, ASSERTION, "AttributeValue")) {
            if (value.getTextContent().equals("mia@salon.test")) {
                value.setTextContent("eve@salon.test");
            }
        }
        return forged;
    }

    private static java.util.List<Element> all(Element root, String ns, String local) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        var list = root.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static Element only(Document doc, String ns, String local) {
        var list = doc.getElementsByTagNameNS(ns, local);
        assertThat(list.getLength()).isEqualTo(1);
        return (Element) list.item(0);
    }

    private static String edit(String xml, Consumer<Document> change) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            change.accept(doc);
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String inflate(String base64) {
        try (var in = new InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)), new Inflater(true))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deflate(String xml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
