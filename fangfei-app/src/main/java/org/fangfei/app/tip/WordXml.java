package org.fangfei.app.tip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * One XML part of a Word document copied without what names or dates its authors: tracked
 * changes are accepted (insertions kept as plain text, deletions and formatting-change
 * records dropped), comment anchors, custom XML wrappers and data bindings removed, the
 * settings lose their document variables, attached template, mail merge source and
 * revision ids, and pictures lose their description (older Word wrote the picture's file
 * path there) and paragraphs and drawings lose the ids Word uses to tie versions together
 * (w14:paraId, w14:textId, wp14:anchorId, wp14:editId). Fields become their last result
 * as plain text: their codes ({@code w:instrText}, {@code w:fldSimple/@w:instr}) may name
 * a file on the reporter's computer, such as {@code INCLUDEPICTURE
 * "C:\Users\…"}. Parsed with StAX, DTDs and external entities off.
 */
final class WordXml {

	/** Thrown when the part is not well-formed XML or declares a DTD. */
	static final class Malformed extends Exception {

		Malformed(String message) {
			super(message, null, false, false);
		}

	}

	/** Thrown when the part refers to a relationship that was not kept. */
	static final class Dangling extends Exception {

		Dangling(String id) {
			super(id, null, false, false);
		}

	}

	private static final Set<String> W = Set.of("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
			"http://purl.oclc.org/ooxml/wordprocessingml/main");

	private static final Set<String> R = Set.of("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
			"http://purl.oclc.org/ooxml/officeDocument/relationships");

	private static final Set<String> DOC_IDS = Set.of("http://schemas.microsoft.com/office/word/2010/wordml",
			"http://schemas.microsoft.com/office/word/2012/wordml");

	private static final String WP14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing";

	/**
	 * Ids Word keeps per paragraph and drawing across saves; they tie versions together.
	 */
	private static final Set<String> TRACKING_IDS = Set.of("paraId", "textId", "anchorId", "editId");

	private static final String OFFICE = "urn:schemas-microsoft-com:office:office";

	private static final String VML = "urn:schemas-microsoft-com:vml";

	/** Kept in place with their content, the element itself removed. */
	private static final Set<String> UNWRAPPED = Set.of("ins", "moveTo", "customXml", "smartTag", "fldSimple");

	/** Removed with everything inside. */
	private static final Set<String> DROPPED = Set.of("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange",
			"tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns",
			"cellDel", "cellMerge", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
			"commentRangeStart", "commentRangeEnd", "commentReference", "annotationRef", "customXmlPr", "smartTagPr",
			"customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
			"customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
			"customXmlMoveToRangeEnd", "dataBinding", "docVars", "attachedTemplate", "mailMerge", "rsids",
			"trackRevisions", "embedRegular", "embedBold", "embedItalic", "embedBoldItalic", "embedTrueTypeFonts",
			"embedSystemFonts", "saveSubsetFonts", "instrText", "delInstrText", "fldChar", "fldData");

	/** Attributes in the w namespace that name or date an author. */
	private static final Set<String> AUTHOR_ATTRIBUTES = Set.of("author", "initials", "date");

	private static final XMLInputFactory INPUT = XMLInputFactory.newDefaultFactory();

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

	private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

	static {
		INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	private WordXml() {
	}

	/**
	 * The part cleaned, as UTF-8.
	 * @param keptIds the relationship ids of this part that survive; a reference to any
	 * other is {@link Dangling}
	 */
	static byte[] clean(byte[] xml, Set<String> keptIds) throws Malformed, Dangling {
		ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
		try {
			XMLEventReader reader = INPUT.createXMLEventReader(new ByteArrayInputStream(xml));
			XMLEventWriter writer = OUTPUT.createXMLEventWriter(out, "UTF-8");
			writer.add(EVENTS.createStartDocument("UTF-8", "1.0", true));
			copy(reader, writer, keptIds);
			writer.add(EVENTS.createEndDocument());
			writer.close();
			reader.close();
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new Malformed(String.valueOf(ex.getMessage()));
		}
		return out.toByteArray();
	}

	private static void copy(XMLEventReader reader, XMLEventWriter writer, Set<String> keptIds)
			throws XMLStreamException, Malformed, Dangling {
		int skipping = 0;
		List<Boolean> unwrapped = new ArrayList<>();
		while (reader.hasNext()) {
			XMLEvent event = reader.nextEvent();
			switch (event.getEventType()) {
				case XMLEvent.DTD, XMLEvent.ENTITY_REFERENCE -> throw new Malformed("DTD");
				case XMLEvent.START_DOCUMENT, XMLEvent.END_DOCUMENT, XMLEvent.COMMENT,
						XMLEvent.PROCESSING_INSTRUCTION ->
					{
					}
				case XMLEvent.START_ELEMENT -> {
					StartElement start = event.asStartElement();
					if (skipping > 0 || dropped(start.getName())) {
						skipping++;
						continue;
					}
					boolean unwrap = inW(start.getName()) && UNWRAPPED.contains(start.getName().getLocalPart());
					unwrapped.add(unwrap);
					if (!unwrap) {
						writer.add(cleaned(start, keptIds));
					}
				}
				case XMLEvent.END_ELEMENT -> {
					if (skipping > 0) {
						skipping--;
					}
					else if (!unwrapped.remove(unwrapped.size() - 1)) {
						writer.add(event);
					}
				}
				default -> {
					if (skipping == 0) {
						writer.add(event);
					}
				}
			}
		}
	}

	private static boolean dropped(QName name) {
		return (inW(name) && DROPPED.contains(name.getLocalPart()))
				|| (DOC_IDS.contains(name.getNamespaceURI()) && name.getLocalPart().equals("docId"));
	}

	private static StartElement cleaned(StartElement start, Set<String> keptIds) throws Dangling {
		boolean picture = start.getName().getLocalPart().equals("docPr")
				|| start.getName().getLocalPart().equals("cNvPr");
		List<Attribute> attributes = new ArrayList<>();
		for (Iterator<Attribute> it = start.getAttributes(); it.hasNext();) {
			Attribute attribute = it.next();
			QName name = attribute.getName();
			String local = name.getLocalPart();
			if (R.contains(name.getNamespaceURI()) && !keptIds.contains(attribute.getValue())) {
				throw new Dangling(attribute.getValue());
			}
			boolean drop = (inW(name) && (local.startsWith("rsid") || AUTHOR_ATTRIBUTES.contains(local)))
					|| ((DOC_IDS.contains(name.getNamespaceURI()) || WP14.equals(name.getNamespaceURI()))
							&& TRACKING_IDS.contains(local))
					|| (OFFICE.equals(name.getNamespaceURI()) && local.equals("title"))
					|| (VML.equals(start.getName().getNamespaceURI()) && name.getNamespaceURI().isEmpty()
							&& local.equals("alt"))
					|| (picture && name.getNamespaceURI().isEmpty()
							&& (local.equals("descr") || local.equals("title")));
			if (picture && name.getNamespaceURI().isEmpty() && local.equals("name")) {
				attributes.add(EVENTS.createAttribute(name, "Picture"));
			}
			else if (!drop) {
				attributes.add(attribute);
			}
		}
		return EVENTS.createStartElement(start.getName().getPrefix(), start.getName().getNamespaceURI(),
				start.getName().getLocalPart(), attributes.iterator(), start.getNamespaces());
	}

	private static boolean inW(QName name) {
		return W.contains(name.getNamespaceURI());
	}

}
