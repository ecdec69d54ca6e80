package cn.carbonmarket.registry.migration.export;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX readers for uploaded files: no DTDs and no external entities, so an upload cannot make us fetch or expand. */
final class SafeXml {

    private SafeXml() {
    }

    /** The encoding comes from the document's own declaration, which is why this takes bytes, not characters. */
    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        // The JDK's own factory, whatever StAX implementation the service's classpath brings; a new one per file
        // because factories are not promised to be thread-safe.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }
}
