package org.envelopereview.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs a PDF with a PAdES baseline signature (B-B; B-T or B-LTA with a time-stamp
 * authority) in an incremental update that covers the whole file, with a visible
 * signature block drawn in an embedded font.
 */
@Component
public class PadesSigner {

	/** The SubFilter of a PAdES signature. */
	public static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

	private static final int MAX_SIZE_ATTEMPTS = 10;

	private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

	private static final String BOLD_FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

	private static final int MAX_SIGNATURES_PER_SIZE = 24;

	private final SigningProperties properties;

	private volatile DevelopmentPki developmentPki;

	private volatile SigningLevel developmentLevel;

	@Autowired
	public PadesSigner(SigningProperties properties) {
		this.properties = properties;
	}

	/**
	 * DEVELOPMENT ONLY ({@code demo --signing-level B-LTA}): sign at {@code level} with
	 * the throwaway PKI's time-stamp authority from now on, whatever is configured.
	 */
	public void useDevelopmentPki(DevelopmentPki pki, SigningLevel level) {
		this.developmentLevel = level;
		this.developmentPki = pki;
	}

	/** The level packs are signed at. */
	public SigningLevel level() {
		return (this.developmentPki != null) ? this.developmentLevel : this.properties.signingLevel();
	}

	/**
	 * True when signatures carry an RFC 3161 signature time-stamp (PAdES-B-T or B-LTA).
	 */
	public boolean timeStamping() {
		return level().timeStamped();
	}

	private SignatureTimeStamper timeStamper() {
		if (this.developmentPki != null) {
			return new SignatureTimeStamper(URI.create(this.developmentPki.tsaUrl()));
		}
		return this.properties.hasTsa() ? new SignatureTimeStamper(URI.create(this.properties.tsaUrl().trim())) : null;
	}

	/**
	 * Signs {@code source} into {@code target}: the source bytes unchanged, then one
	 * incremental update holding the signature; at B-LTA two more, the validation data
	 * and a document time-stamp.
	 * @param signingTime written to the signature dictionary's /M
	 */
	public void sign(Path source, Path target, SigningKey key, String reason, VisibleSignature visible,
			Instant signingTime) {
		SigningLevel level = level();
		SignatureTimeStamper timeStamper = level.timeStamped() ? timeStamper() : null;
		CadesSignature cades = new CadesSignature(key, timeStamper);
		// Strict CMS parsers (BouncyCastle 1.85+ as used by EU DSS) reject the zero
		// padding that usually follows the CMS in /Contents, so reserve exactly the CMS's
		// length: learn it from a dry run, then sign until a CMS of that length comes
		// (ECDSA values and time-stamp tokens vary by a byte or two).
		int size = cades.sign(new ByteArrayInputStream(new byte[0])).length;
		for (int attempt = 0; attempt < MAX_SIZE_ATTEMPTS; attempt++) {
			byte[] cms = signOnce(source, target, key, reason, visible, signingTime, cades, size);
			if (cms == null) {
				if (level == SigningLevel.B_LTA) {
					new ArchiveTimeStamper(timeStamper, new RevocationFetcher()).extend(target, target);
				}
				return;
			}
			size = cms.length;
		}
		throw new SigningException("cannot size the signature of " + source + ": the CMS length kept changing (is the "
				+ "time-stamp authority returning tokens of varying size?)");
	}

	/**
	 * Extends a B-T or B-LTA signed PDF in place with fresh validation data and a new
	 * document time-stamp ({@code retimestamp}).
	 */
	public void retimestamp(Path pdf) {
		SignatureTimeStamper timeStamper = timeStamper();
		if (timeStamper == null) {
			throw new SigningException(
					"retimestamp needs an RFC 3161 time-stamp authority: set review.signing.tsa-url");
		}
		new ArchiveTimeStamper(timeStamper, new RevocationFetcher()).extend(pdf, pdf);
	}

	/**
	 * @return {@code null} when signed, else the CMS that did not fit the reserved size
	 */
	private static byte[] signOnce(Path source, Path target, SigningKey key, String reason, VisibleSignature visible,
			Instant signingTime, CadesSignature cades, int size) {
		try (PDDocument document = Loader.loadPDF(source.toFile()); SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(ETSI_CADES_DETACHED);
			signature.setName(key.signerName());
			signature.setReason(reason);
			Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
			when.setTimeInMillis(signingTime.toEpochMilli());
			signature.setSignDate(when);
			options.setPreferredSignatureSize(size);
			options.setVisualSignature(appearanceTemplate(document.getPage(visible.pageIndex()), visible));
			options.setPage(visible.pageIndex());
			document.addSignature(signature, options);
			try (OutputStream out = Files.newOutputStream(target)) {
				ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
				byte[] content = external.getContent().readAllBytes();
				byte[] cms = null;
				for (int i = 0; i < MAX_SIGNATURES_PER_SIZE; i++) {
					cms = cades.sign(new ByteArrayInputStream(content));
					if (cms.length == size) {
						external.setSignature(cms);
						return null;
					}
					if (!cades.randomised()) {
						break;
					}
				}
				return cms;
			}
		}
		catch (IOException ex) {
			throw new SigningException("cannot sign " + source + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A one-page document holding only the signature field and its appearance, which
	 * PDFBox merges into the signed document (the approach of PDFBox's
	 * CreateVisibleSignature2 example).
	 */
	private static InputStream appearanceTemplate(PDPage target, VisibleSignature visible) throws IOException {
		try (PDDocument template = new PDDocument()) {
			PDPage page = new PDPage(target.getMediaBox());
			template.addPage(page);
			PDAcroForm form = new PDAcroForm(template);
			template.getDocumentCatalog().setAcroForm(form);
			PDSignatureField field = new PDSignatureField(form);
			PDAnnotationWidget widget = field.getWidgets().get(0);
			form.setSignaturesExist(true);
			form.setAppendOnly(true);
			form.getCOSObject().setDirect(true);
			form.getFields().add(field);

			float pageHeight = target.getMediaBox().getHeight();
			PDRectangle rectangle = new PDRectangle(visible.x(), pageHeight - visible.y() - visible.height(),
					visible.width(), visible.height());
			widget.setRectangle(rectangle);
			widget.setPrinted(true);
			widget.setPage(page);

			PDFormXObject appearance = new PDFormXObject(new PDStream(template));
			appearance.setResources(new PDResources());
			appearance.setFormType(1);
			appearance.setBBox(new PDRectangle(visible.width(), visible.height()));
			PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
			dictionary.getCOSObject().setDirect(true);
			PDAppearanceStream stream = new PDAppearanceStream(appearance.getCOSObject());
			dictionary.setNormalAppearance(stream);
			widget.setAppearance(dictionary);

			PDFont regular = font(template, FONT);
			PDFont bold = font(template, BOLD_FONT);
			try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
				drawBlock(content, visible, regular, bold);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			template.save(bytes);
			return new ByteArrayInputStream(bytes.toByteArray());
		}
	}

	private static void drawBlock(PDPageContentStream content, VisibleSignature visible, PDFont regular, PDFont bold)
			throws IOException {
		PDColor navy = new PDColor(new float[] { 0.12f, 0.23f, 0.37f }, PDDeviceRGB.INSTANCE);
		content.setStrokingColor(navy);
		content.setLineWidth(1f);
		content.addRect(0.5f, 0.5f, visible.width() - 1f, visible.height() - 1f);
		content.stroke();
		float fontSize = 7f;
		float leading = fontSize * 1.35f;
		float y = visible.height() - 6f - fontSize;
		float width = visible.width() - 12f;
		content.setNonStrokingColor(navy);
		for (int i = 0; i < visible.lines().size(); i++) {
			PDFont font = (i == 0) ? bold : regular;
			float size = (i == 0) ? fontSize + 0.5f : fontSize;
			for (String line : wrap(visible.lines().get(i), font, size, width)) {
				if (y < 3f) {
					return;
				}
				content.beginText();
				content.setFont(font, size);
				content.newLineAtOffset(6f, y);
				content.showText(line);
				content.endText();
				y -= leading;
			}
			if (i == 0) {
				y -= 2f;
			}
		}
	}

	/** Breaks a line at spaces, or anywhere in a word too long for the block. */
	static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(font, size, candidate) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (width(font, size, rest) > width) {
				int end = rest.length() - 1;
				while (end > 1 && width(font, size, rest.substring(0, end)) > width) {
					end--;
				}
				lines.add(rest.substring(0, end));
				rest = rest.substring(end);
			}
			line.append(rest);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static float width(PDFont font, float size, String text) throws IOException {
		return font.getStringWidth(text) / 1000f * size;
	}

	private static PDFont font(PDDocument document, String resource) throws IOException {
		try (InputStream in = PadesSigner.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("font " + resource + " is missing from the classpath (jasperreports-fonts)");
			}
			return PDType0Font.load(document, in, true);
		}
	}

}
