package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Compares the revision a signature signed with the whole file: after a PAdES signature
 * only long-term validation updates may follow (ISO 32000-2 12.8.2.4, PAdES part 4), i.e.
 * the /DSS, and document time-stamp fields with their widgets. Anything else (a changed
 * page, attachment or name) means the signed content was changed after signing.
 */
final class AllowedUpdates {

	private static final COSName ANNOTS = COSName.ANNOTS;

	private static final Set<COSName> CATALOG_EXCEPTIONS = Set.of(DocumentSecurityStore.DSS, COSName.ACRO_FORM,
			COSName.getPDFName("Extensions"));

	private AllowedUpdates() {
	}

	/**
	 * What changed that a long-term validation update may not change; empty when none.
	 */
	static List<String> problems(PDDocument signed, PDDocument whole) throws IOException {
		List<String> problems = new ArrayList<>();
		COSDictionary before = signed.getDocumentCatalog().getCOSObject();
		COSDictionary after = whole.getDocumentCatalog().getCOSObject();
		if (!equal(without(before, CATALOG_EXCEPTIONS), without(after, CATALOG_EXCEPTIONS))) {
			problems.add("the document catalog, its pages or attachments changed after signing");
		}
		if (signed.getNumberOfPages() == whole.getNumberOfPages()) {
			for (int i = 0; i < signed.getNumberOfPages(); i++) {
				String page = "page " + (i + 1);
				addedItems(array(signed.getPage(i).getCOSObject(), ANNOTS),
						array(whole.getPage(i).getCOSObject(), ANNOTS), page + " annotations", problems);
			}
		}
		COSDictionary formBefore = before.getCOSDictionary(COSName.ACRO_FORM);
		COSDictionary formAfter = after.getCOSDictionary(COSName.ACRO_FORM);
		if (formAfter != null) {
			Set<COSName> fields = Set.of(COSName.FIELDS);
			if (formBefore == null || !equal(without(formBefore, fields), without(formAfter, fields))) {
				problems.add("the interactive form's settings changed after signing");
			}
			addedItems((formBefore != null) ? array(formBefore, COSName.FIELDS) : new COSArray(),
					array(formAfter, COSName.FIELDS), "form fields", problems);
		}
		return problems;
	}

	/**
	 * The items of {@code after} must be those of {@code before}, then document
	 * time-stamp fields.
	 */
	private static void addedItems(COSArray before, COSArray after, String what, List<String> problems)
			throws IOException {
		if (after.size() < before.size()) {
			problems.add(what + ": " + (before.size() - after.size()) + " removed after signing");
			return;
		}
		for (int i = 0; i < before.size(); i++) {
			if (!equal(before.getObject(i), after.getObject(i))) {
				problems.add(what + ": item " + (i + 1) + " changed after signing");
				return;
			}
		}
		for (int i = before.size(); i < after.size(); i++) {
			if (!(after.getObject(i) instanceof COSDictionary added) || !documentTimeStampField(added)) {
				problems.add(what + ": item " + (i + 1) + " added after signing is not a document time-stamp");
				return;
			}
		}
	}

	private static boolean documentTimeStampField(COSDictionary field) {
		COSDictionary withType = field;
		if (withType.getCOSName(COSName.FT) == null && withType.getCOSDictionary(COSName.PARENT) != null) {
			withType = withType.getCOSDictionary(COSName.PARENT);
		}
		if (!COSName.SIG.equals(withType.getCOSName(COSName.FT))) {
			return false;
		}
		COSDictionary value = withType.getCOSDictionary(COSName.V);
		return value != null && COSName.DOC_TIME_STAMP.equals(value.getCOSName(COSName.TYPE))
				&& SignedRevision.ETSI_RFC3161.equals(value.getCOSName(COSName.SUB_FILTER));
	}

	private static COSArray array(COSDictionary dictionary, COSName key) {
		return (dictionary.getDictionaryObject(key) instanceof COSArray array) ? array : new COSArray();
	}

	private static COSDictionary without(COSDictionary dictionary, Set<COSName> keys) {
		COSDictionary copy = new COSDictionary();
		for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
			if (!keys.contains(entry.getKey())) {
				copy.setItem(entry.getKey(), entry.getValue());
			}
		}
		return copy;
	}

	private static boolean equal(COSBase a, COSBase b) throws IOException {
		return new Comparison().equal(a, b);
	}

	/**
	 * Structural equality of two object graphs from two parses; page /Annots are compared
	 * by {@link #addedItems} instead.
	 */
	private static final class Comparison {

		private final Map<COSBase, COSBase> visited = new IdentityHashMap<>();

		boolean equal(COSBase a, COSBase b) throws IOException {
			COSBase left = (a instanceof COSObject object) ? object.getObject() : a;
			COSBase right = (b instanceof COSObject object) ? object.getObject() : b;
			if (left == null || right == null) {
				return left == right;
			}
			if (this.visited.get(left) == right) {
				return true;
			}
			if (left instanceof COSDictionary || left instanceof COSArray) {
				this.visited.put(left, right);
			}
			if (left instanceof COSStream leftStream) {
				return right instanceof COSStream rightStream && dictionaries(leftStream, rightStream)
						&& Arrays.equals(raw(leftStream), raw(rightStream));
			}
			if (left instanceof COSDictionary leftDictionary) {
				return right instanceof COSDictionary rightDictionary && !(right instanceof COSStream)
						&& dictionaries(leftDictionary, rightDictionary);
			}
			if (left instanceof COSArray leftArray) {
				if (!(right instanceof COSArray rightArray) || leftArray.size() != rightArray.size()) {
					return false;
				}
				for (int i = 0; i < leftArray.size(); i++) {
					if (!equal(leftArray.get(i), rightArray.get(i))) {
						return false;
					}
				}
				return true;
			}
			return left.equals(right);
		}

		private boolean dictionaries(COSDictionary left, COSDictionary right) throws IOException {
			Set<COSName> keys = new java.util.HashSet<>(left.keySet());
			keys.addAll(right.keySet());
			for (COSName key : keys) {
				if (key.equals(ANNOTS) || key.equals(COSName.LENGTH)) {
					continue;
				}
				if (!equal(left.getItem(key), right.getItem(key))) {
					return false;
				}
			}
			return true;
		}

		private static byte[] raw(COSStream stream) throws IOException {
			try (InputStream in = stream.createRawInputStream()) {
				return in.readAllBytes();
			}
		}

	}

}
