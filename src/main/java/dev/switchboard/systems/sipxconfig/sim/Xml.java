package dev.switchboard.systems.sipxconfig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XML of sipXconfig's XStream representations, to and from the JSON trees the simulator keeps: an
 * object is an element of child elements, a list is an element holding one element per item
 * ({@code <rings><ring>...</ring></rings>}), a null is left out.
 */
final class Xml {

    /** Item element names of lists, by the list's name: what XStream's aliases make of them. */
    private static final Map<String, String> ITEMS = Map.of("rings", "ring", "phonebook", "entry", "entries", "entry",
            "conferences", "conference", "members", "member", "cdrs", "cdr", "im-locations", "im-location",
            "buttons", "button", "periods", "period");

    private Xml() {
    }

    static String write(String root, JsonNode value) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(out, root, value);
        return out.append('\n').toString();
    }

    private static void element(StringBuilder out, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        out.append('<').append(name).append('>');
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> element(out, field.getKey(), field.getValue()));
        } else if (value.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            value.forEach(v -> element(out, item, v));
        } else {
            out.append(escape(value.asText()));
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The document's root element as a JSON object wrapped in its name ({@code {"entry": {...}}}), the way a
     * wrapped JSON body reads; text values stay text. Empty when the body is not XML.
     */
    static Optional<ObjectNode> read(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set(root.getTagName(), tree(root));
            return Optional.of(wrapped);
        } catch (Exception notXml) {
            return Optional.empty();
        }
    }

    private static JsonNode tree(Element element) {
        NodeList children = element.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < children.getLength(); i++) {
            hasElements |= children.item(i).getNodeType() == Node.ELEMENT_NODE;
        }
        if (!hasElements) {
            return JsonNodeFactory.instance.textNode(element.getTextContent().trim());
        }
        if (ITEMS.containsKey(element.getTagName())) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element child) {
                    items.add(tree(child));
                }
            }
            return items;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                object.set(child.getTagName(), tree(child));
            }
        }
        return object;
    }
}
