package org.fangfei.app.tip;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Open Packaging Conventions plumbing of a Word document: relationship parts read and
 * written, part names resolved, and the content types and package relationships written
 * afresh for the parts that were kept.
 */
final class OpcRelationships {

	/** One relationship of a part; {@code kind} is the last segment of its type URI. */
	record Relationship(String id, String type, String target, boolean external) {

		String kind() {
			return this.type.substring(this.type.lastIndexOf('/') + 1);
		}

	}

	private static final String NS = "http://schemas.openxmlformats.org/package/2006/relationships";

	static final String PACKAGE_RELS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" \
			Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
			Target="word/document.xml"/>\
			<Relationship Id="rId2" \
			Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
			Target="docProps/core.xml"/>\
			<Relationship Id="rId3" \
			Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
			Target="docProps/app.xml"/>\
			</Relationships>""";

	private static final XMLInputFactory INPUT = XMLInputFactory.newDefaultFactory();

	static {
		INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private OpcRelationships() {
	}

	static List<Relationship> read(byte[] xml) throws WordXml.Malformed {
		List<Relationship> rels = new ArrayList<>();
		try {
			XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw new WordXml.Malformed("DTD");
				}
				if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Relationship")) {
					String id = reader.getAttributeValue(null, "Id");
					String type = reader.getAttributeValue(null, "Type");
					String target = reader.getAttributeValue(null, "Target");
					if (id == null || type == null || target == null) {
						throw new WordXml.Malformed("relationship");
					}
					rels.add(new Relationship(id, type, target,
							"External".equals(reader.getAttributeValue(null, "TargetMode"))));
				}
			}
			reader.close();
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new WordXml.Malformed(String.valueOf(ex.getMessage()));
		}
		return rels;
	}

	static String element(String id, String type, String target, boolean external) {
		return "<Relationship Id=\"" + escaped(id) + "\" Type=\"" + escaped(type) + "\" Target=\"" + escaped(target)
				+ "\"" + (external ? " TargetMode=\"External\"" : "") + "/>";
	}

	static byte[] document(String elements) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + NS + "\">"
				+ elements + "</Relationships>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** {@code word/_rels/document.xml.rels} for {@code word/document.xml}. */
	static String partFor(String part) {
		int slash = part.lastIndexOf('/');
		return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
	}

	/**
	 * The zip entry name a relative or absolute target points at from {@code source}, or
	 * null when it leaves the package.
	 */
	static String resolve(String source, String target) {
		String path = target.startsWith("/") ? target.substring(1)
				: source.substring(0, source.lastIndexOf('/') + 1) + target;
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..")) {
				if (segments.isEmpty()) {
					return null;
				}
				segments.removeLast();
			}
			else if (!segment.equals(".") && !segment.isEmpty()) {
				segments.addLast(segment);
			}
		}
		return segments.isEmpty() ? null : String.join("/", segments);
	}

	/** {@code [Content_Types].xml} with an override for every kept part. */
	static String contentTypes(Map<String, String> overrides) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/docProps/core.xml" \
				ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
				<Override PartName="/docProps/app.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>""");
		overrides.forEach((part, type) -> xml.append("<Override PartName=\"")
			.append(escaped(part))
			.append("\" ContentType=\"")
			.append(escaped(type))
			.append("\"/>"));
		return xml.append("</Types>").toString();
	}

	private static String escaped(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
