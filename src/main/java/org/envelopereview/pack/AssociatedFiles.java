package org.envelopereview.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Finishes the rendered PDF/A-3b: removes the incomplete /CIDSet streams the
 * JasperReports PDF writer emits (optional in PDF/A-2 and -3, fatal when incomplete) and
 * embeds the evidence files as associated files (catalog /AF, /AFRelationship /Data, MIME
 * subtype, and the EmbeddedFiles name tree).
 */
class AssociatedFiles {

	private static final COSName AF = COSName.getPDFName("AF");

	private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

	private static final COSName CID_SET = COSName.getPDFName("CIDSet");

	/** One file to embed. */
	record Attachment(String name, byte[] content, String mimeType, String description, Instant modified) {
	}

	void attach(Path source, Path target, List<Attachment> attachments) throws IOException {
		try (PDDocument document = Loader.loadPDF(source.toFile())) {
			removeCidSets(document);
			COSArray associated = new COSArray();
			Map<String, PDComplexFileSpecification> names = new LinkedHashMap<>();
			for (Attachment attachment : attachments) {
				PDComplexFileSpecification specification = specification(document, attachment);
				names.put(attachment.name(), specification);
				associated.add(specification);
			}
			PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
			tree.setNames(names);
			PDDocumentNameDictionary nameDictionary = new PDDocumentNameDictionary(document.getDocumentCatalog());
			nameDictionary.setEmbeddedFiles(tree);
			document.getDocumentCatalog().setNames(nameDictionary);
			document.getDocumentCatalog().getCOSObject().setItem(AF, associated);
			document.setVersion(1.7f);
			// classic cross-reference table: the signature's incremental update follows
			// it
			document.save(target.toFile(), CompressParameters.NO_COMPRESSION);
		}
	}

	private static PDComplexFileSpecification specification(PDDocument document, Attachment attachment)
			throws IOException {
		PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.content()));
		file.setSubtype(attachment.mimeType());
		file.setSize(attachment.content().length);
		Calendar modified = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		modified.setTimeInMillis(attachment.modified().toEpochMilli());
		file.setModDate(modified);
		PDComplexFileSpecification specification = new PDComplexFileSpecification();
		specification.setFile(attachment.name());
		specification.setFileUnicode(attachment.name());
		specification.setFileDescription(attachment.description());
		specification.setEmbeddedFile(file);
		specification.setEmbeddedFileUnicode(file);
		specification.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName("Data"));
		return specification;
	}

	private static void removeCidSets(PDDocument document) throws IOException {
		List<COSObjectKey> keys = new ArrayList<>(document.getDocument().getXrefTable().keySet());
		for (COSObjectKey key : keys) {
			COSObject object = document.getDocument().getObjectFromPool(key);
			COSBase base = object.getObject();
			if (base instanceof COSDictionary dictionary
					&& COSName.FONT_DESC.equals(dictionary.getCOSName(COSName.TYPE))) {
				dictionary.removeItem(CID_SET);
			}
		}
	}

}
