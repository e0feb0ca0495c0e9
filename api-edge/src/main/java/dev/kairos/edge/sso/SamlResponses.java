package dev.kairos.edge.sso;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a SAML 2.0 Response (HTTP-POST binding) and decides whether it proves who signed in, with Apache Santuario
 * for the XML signatures. Defences against XML signature wrapping:
 * <ul>
 *   <li>a parser with no DTDs, no external entities and no XInclude;</li>
 *   <li>exactly one Assertion in the whole document, a direct child of the Response; every {@code ID} unique and
 *       registered as an ID before any reference is resolved;</li>
 *   <li>a signature counts only if it is a direct child of the element it signs and its one Reference points to
 *       that element's {@code ID} ({@code URI="#ID"}), with only the enveloped-signature and exclusive
 *       canonicalisation transforms, and verifies with the configured certificate (never a key from the message);</li>
 *   <li>every value is then read from that signed element, by direct-child paths, never by searching the
 *       document.</li>
 * </ul>
 */
final class SamlResponses {
    static final String DSIG = Constants.SignatureSpecNS;
    private static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS);
    private static final Set<String> WEAK_ALGORITHMS = Set.of(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
            XMLSignature.ALGO_ID_SIGNATURE_DSA, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1,
            XMLSignature.ALGO_ID_MAC_HMAC_SHA1, XMLSignature.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5);
    private static final Set<String> EMAIL_ATTRIBUTES = Set.of("email", "mail", "emailaddress",
            "urn:oid:0.9.2342.19200300.100.1.3", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("name", "displayname", "cn", "urn:oid:2.16.840.1.113730.3.1.241",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
    private static final Set<String> GIVEN_NAME_ATTRIBUTES = Set.of("firstname", "givenname", "urn:oid:2.5.4.42",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname");
    private static final Set<String> SURNAME_ATTRIBUTES = Set.of("lastname", "surname", "sn", "urn:oid:2.5.4.4",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname");

    static {
        Init.init();
    }

    private SamlResponses() {
    }

    /** What the engine expects of this response. */
    record Expected(String idpEntityId, X509Certificate certificate, String spEntityId, String acs, Instant now, Duration skew) {
    }

    /** A verified assertion. */
    record Verified(String inResponseTo, String email, String name) {
    }

    /**
     * The assertion's facts, if the response is signed by the configured identity provider and meets every
     * expectation. A non-success status is answered as the provider's error (an unsigned status proves nothing but
     * that the login failed).
     */
    static Verified verify(String samlResponse, Expected expected) {
        Document document = parse(samlResponse);
        Element response = document.getDocumentElement();
        if (!is(response, SamlMessages.PROTOCOL, "Response")) {
            throw malformed("the message is not a SAML Response");
        }
        registerIds(document);
        String status = child(response, SamlMessages.PROTOCOL, "Status")
                .flatMap(s -> child(s, SamlMessages.PROTOCOL, "StatusCode"))
                .map(c -> c.getAttribute("Value")).orElse("");
        if (!"urn:oasis:names:tc:SAML:2.0:status:Success".equals(status)) {
            throw new BookingException(ErrorCode.SSO_PROVIDER_ERROR, "the identity provider answered " + status);
        }
        NodeList assertions = document.getElementsByTagNameNS(SamlMessages.ASSERTION, "Assertion");
        if (document.getElementsByTagNameNS(SamlMessages.ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw malformed("encrypted assertions are not accepted; turn assertion encryption off for this service provider");
        }
        if (assertions.getLength() != 1 || assertions.item(0).getParentNode() != response) {
            throw malformed("the response must carry exactly one assertion, directly inside it");
        }
        Element assertion = (Element) assertions.item(0);

        boolean responseSigned = verifySignatureOf(response, expected.certificate());
        boolean assertionSigned = verifySignatureOf(assertion, expected.certificate());
        if (!responseSigned && !assertionSigned) {
            throw new BookingException(ErrorCode.SSO_SAML_SIGNATURE_INVALID, "neither the response nor its assertion is signed");
        }

        // from here on every value comes from the signed assertion (or the signed response that encloses it)
        String issuer = text(child(assertion, SamlMessages.ASSERTION, "Issuer"));
        if (!expected.idpEntityId().equals(issuer)) {
            throw invalid("the assertion was issued by " + issuer + ", not the configured identity provider");
        }
        child(response, SamlMessages.ASSERTION, "Issuer").map(SamlResponses::text).ifPresent(responseIssuer -> {
            if (!expected.idpEntityId().equals(responseIssuer)) {
                throw invalid("the response was issued by " + responseIssuer + ", not the configured identity provider");
            }
        });
        if (response.hasAttribute("Destination") && !expected.acs().equals(response.getAttribute("Destination"))) {
            throw invalid("the response is addressed to " + response.getAttribute("Destination"));
        }
        Instant now = expected.now();
        Element conditions = child(assertion, SamlMessages.ASSERTION, "Conditions")
                .orElseThrow(() -> invalid("the assertion has no conditions"));
        checkWindow(conditions, now, expected.skew(), true);
        List<String> audiences = new ArrayList<>();
        for (Element restriction : children(conditions, SamlMessages.ASSERTION, "AudienceRestriction")) {
            List<String> these = children(restriction, SamlMessages.ASSERTION, "Audience").stream().map(SamlResponses::text).toList();
            if (!these.contains(expected.spEntityId())) {
                throw invalid("the assertion is meant for " + these + ", not this service provider");
            }
            audiences.addAll(these);
        }
        if (audiences.isEmpty()) {
            throw invalid("the assertion names no audience");
        }

        Element subject = child(assertion, SamlMessages.ASSERTION, "Subject").orElseThrow(() -> invalid("the assertion has no subject"));
        String inResponseTo = null;
        for (Element confirmation : children(subject, SamlMessages.ASSERTION, "SubjectConfirmation")) {
            if (!"urn:oasis:names:tc:SAML:2.0:cm:bearer".equals(confirmation.getAttribute("Method"))) {
                continue;
            }
            Element data = child(confirmation, SamlMessages.ASSERTION, "SubjectConfirmationData")
                    .orElseThrow(() -> invalid("the bearer confirmation has no data"));
            if (!expected.acs().equals(data.getAttribute("Recipient"))) {
                throw invalid("the assertion is for recipient " + data.getAttribute("Recipient"));
            }
            if (!data.hasAttribute("NotOnOrAfter")) {
                throw invalid("the bearer confirmation has no expiry");
            }
            checkWindow(data, now, expected.skew(), false);
            inResponseTo = data.getAttribute("InResponseTo");
        }
        if (inResponseTo == null || inResponseTo.isBlank()) {
            throw invalid("the assertion answers no request of this engine (bearer confirmation with InResponseTo needed)");
        }
        if (response.hasAttribute("InResponseTo") && !inResponseTo.equals(response.getAttribute("InResponseTo"))) {
            throw invalid("the response and its assertion answer different requests");
        }

        String nameId = child(subject, SamlMessages.ASSERTION, "NameID").map(SamlResponses::text).orElse(null);
        String email = attribute(assertion, EMAIL_ATTRIBUTES);
        if (email == null && nameId != null && nameId.contains("@")) {
            email = nameId;
        }
        String name = attribute(assertion, NAME_ATTRIBUTES);
        if (name == null) {
            String given = attribute(assertion, GIVEN_NAME_ATTRIBUTES);
            String family = attribute(assertion, SURNAME_ATTRIBUTES);
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return new Verified(inResponseTo, email, name == null || name.isBlank() ? null : name);
    }

    /**
     * Whether {@code element} carries a signature of itself that the certificate verifies. No signature: false.
     * A signature that is not over exactly this element, or does not verify: rejected outright.
     */
    private static boolean verifySignatureOf(Element element, X509Certificate certificate) {
        List<Element> signatures = children(element, DSIG, "Signature");
        if (signatures.isEmpty()) {
            return false;
        }
        if (signatures.size() > 1) {
            throw signature("more than one signature on one element");
        }
        String id = element.getAttribute("ID");
        if (id.isBlank()) {
            throw signature("a signed element without an ID");
        }
        try {
            XMLSignature xmlSignature = new XMLSignature(signatures.get(0), "", true);
            SignedInfo signedInfo = xmlSignature.getSignedInfo();
            if (WEAK_ALGORITHMS.contains(signedInfo.getSignatureMethodURI())) {
                throw signature("the signature algorithm " + signedInfo.getSignatureMethodURI() + " is too weak");
            }
            if (signedInfo.getLength() != 1) {
                throw signature("the signature must reference exactly one element");
            }
            Reference reference = signedInfo.item(0);
            if (!("#" + id).equals(reference.getURI())) {
                throw signature("the signature references " + reference.getURI() + ", not the element it is in");
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                Transform transform = transforms.item(i);
                if (!TRANSFORMS.contains(transform.getURI())) {
                    throw signature("the signature uses the transform " + transform.getURI());
                }
            }
            if (!xmlSignature.checkSignatureValue(certificate)) {
                throw signature("the signature does not verify with the configured certificate");
            }
            return true;
        } catch (XMLSecurityException e) {
            throw signature("the signature does not verify: " + e.getMessage());
        }
    }

    /** Only document-unique {@code ID} attributes, each registered so references resolve to exactly its element. */
    private static void registerIds(Document document) {
        Set<String> seen = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttributeNS(null, "ID")) {
                String id = element.getAttributeNS(null, "ID");
                if (!seen.add(id)) {
                    throw malformed("the ID " + id + " occurs more than once");
                }
                element.setIdAttributeNS(null, "ID", true);
            }
        }
    }

    private static Document parse(String samlResponse) {
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponse == null ? "" : samlResponse);
        } catch (IllegalArgumentException e) {
            throw malformed("SAMLResponse is not base64");
        }
        if (xml.length == 0) {
            throw malformed("SAMLResponse is empty");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw malformed("SAMLResponse is not well-formed XML without a DTD");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports secure processing", e);
        }
    }

    private static void checkWindow(Element element, Instant now, Duration skew, boolean notBeforeAllowed) {
        if (notBeforeAllowed && element.hasAttribute("NotBefore") && now.plus(skew).isBefore(instant(element.getAttribute("NotBefore")))) {
            throw invalid("the assertion is not valid before " + element.getAttribute("NotBefore"));
        }
        if (element.hasAttribute("NotOnOrAfter") && !now.minus(skew).isBefore(instant(element.getAttribute("NotOnOrAfter")))) {
            throw invalid("the assertion expired at " + element.getAttribute("NotOnOrAfter"));
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("not a time: " + value);
        }
    }

    /** The first value of the first attribute (by Name or FriendlyName, case-insensitive) of the assertion. */
    private static String attribute(Element assertion, Set<String> names) {
        for (Element statement : children(assertion, SamlMessages.ASSERTION, "AttributeStatement")) {
            for (Element attribute : children(statement, SamlMessages.ASSERTION, "Attribute")) {
                if (names.contains(attribute.getAttribute("Name").toLowerCase(Locale.ROOT))
                        || names.contains(attribute.getAttribute("FriendlyName").toLowerCase(Locale.ROOT))) {
                    List<Element> values = children(attribute, SamlMessages.ASSERTION, "AttributeValue");
                    if (!values.isEmpty() && !text(values.get(0)).isBlank()) {
                        return text(values.get(0));
                    }
                }
            }
        }
        return null;
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) {
                found.add(e);
            }
        }
        return found;
    }

    private static java.util.Optional<Element> child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw malformed("more than one " + localName + " in " + parent.getLocalName());
        }
        return found.stream().findFirst();
    }

    private static String text(java.util.Optional<Element> element) {
        return element.map(SamlResponses::text).orElse(null);
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }

    private static BookingException malformed(String detail) {
        return new BookingException(ErrorCode.SSO_SAML_MALFORMED, detail);
    }

    private static BookingException signature(String detail) {
        return new BookingException(ErrorCode.SSO_SAML_SIGNATURE_INVALID, detail);
    }

    private static BookingException invalid(String detail) {
        return new BookingException(ErrorCode.SSO_SAML_ASSERTION_INVALID, detail);
    }
}
