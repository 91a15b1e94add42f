package com.exchangesync.testbed.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks EWS messages against Microsoft's published schema
 * ({@code messages.xsd}, which imports {@code types.xsd}): the first child of a
 * SOAP Body, as a real server and real clients see it. The schema is compiled
 * once; a validator is made per check, since validators are not thread-safe.
 *
 * <p>The schema is not shipped with this project: it is found in the directory
 * named by the system property {@code exsync.ews.schema.dir}, else the
 * environment variable {@code EXSYNC_EWS_SCHEMA_DIR}, else
 * {@code ../shared/ews-schema} beside the project.
 */
public final class EwsSchemaValidator {

  private final Schema schema;
  private final Path dir;

  private EwsSchemaValidator(Schema schema, Path dir) {
    this.schema = schema;
    this.dir = dir;
  }

  /** The validator for the schema in {@code dir}. */
  public static EwsSchemaValidator load(Path dir) {
    Path messages = dir.resolve("messages.xsd");
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // Only local files (the schema's own imports), never the network.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return new EwsSchemaValidator(factory.newSchema(messages.toFile()), dir);
    } catch (SAXException e) {
      throw new IllegalStateException("Cannot compile the EWS schema " + messages + ": " + e.getMessage(), e);
    }
  }

  /**
   * The schema directory configured for this run, if it exists; otherwise
   * empty (callers print a one-line notice and skip the check).
   */
  public static Optional<Path> configuredDirectory() {
    for (String candidate : new String[] {System.getProperty("exsync.ews.schema.dir"), System.getenv("EXSYNC_EWS_SCHEMA_DIR")}) {
      if (candidate != null && !candidate.isBlank()) {
        Path p = Path.of(candidate);
        return Files.isRegularFile(p.resolve("messages.xsd")) ? Optional.of(p) : Optional.empty();
      }
    }
    for (Path p : List.of(Path.of("..", "shared", "ews-schema"), Path.of("..", "..", "shared", "ews-schema"),
        Path.of("..", "..", "..", "shared", "ews-schema"))) {
      if (Files.isRegularFile(p.resolve("messages.xsd"))) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** The directory the schema came from. */
  public Path directory() {
    return dir;
  }

  /**
   * Validates the first element child of the SOAP Body of {@code envelope}.
   *
   * @return the first violation, or empty when valid (a Body holding a SOAP fault is not an EWS message and passes)
   */
  Optional<String> checkBody(Document envelope) {
    Element body = Xml.child(envelope.getDocumentElement(), "Body").orElse(null);
    if (body == null) {
      return Optional.of("The envelope has no Body.");
    }
    Element message = Xml.children(body).stream().findFirst().orElse(null);
    if (message == null || "Fault".equals(message.getLocalName()) && Xml.SOAP.equals(message.getNamespaceURI())) {
      return Optional.empty();
    }
    return check(message);
  }

  /** Validates one element against the schema. */
  Optional<String> check(Element element) {
    Validator validator = schema.newValidator();
    try {
      validator.validate(new DOMSource(element));
      return Optional.empty();
    } catch (SAXParseException e) {
      return Optional.of(e.getMessage());
    } catch (SAXException | java.io.IOException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }
}
