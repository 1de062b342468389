package org.envelopereview.pack;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintAnchorIndex;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Renders a pack to PDF/A-3b. The body is filled once, with a swap-file virtualizer so
 * that tens of thousands of findings fit a fixed heap; the cover and table of contents
 * are filled before it (to learn their page count) and after it (with its page numbers).
 */
class PackRenderer {

	/** Filled pages kept in memory; the rest is swapped to disk. */
	private static final int PAGES_IN_MEMORY = 50;

	private final PackTemplates templates;

	PackRenderer(PackTemplates templates) {
		this.templates = templates;
	}

	/** What the PDF's document information and XMP metadata say. */
	record Metadata(String title, String subject, String author, String keywords, String creator) {
	}

	/**
	 * @return the number of pages
	 */
	int render(PackSections sections, Metadata metadata, Path target, Path workDir) throws IOException {
		Path iccProfile = Files.createTempFile(workDir, "srgb", ".icc");
		JRSwapFile swap = new JRSwapFile(workDir.toString(), 4096, 256);
		JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, swap, true);
		try {
			JasperPrint draftFront = fill(PackTemplates.FRONT, sections.front(null),
					sections.tableOfContentsRows(Map.of()), null);
			int frontPages = draftFront.getPages().size();
			JasperPrint body = fill(PackTemplates.BODY, sections.body(frontPages), new JREmptyDataSource(1),
					virtualizer);
			Map<String, Integer> pages = new HashMap<>();
			for (Map.Entry<String, JRPrintAnchorIndex> anchor : body.getAnchorIndexes().entrySet()) {
				pages.put(anchor.getKey(), frontPages + anchor.getValue().getPageIndex() + 1);
			}
			int total = frontPages + body.getPages().size();
			JasperPrint front = fill(PackTemplates.FRONT, sections.front(total), sections.tableOfContentsRows(pages),
					null);
			if (front.getPages().size() != frontPages) {
				throw new IllegalStateException("the table of contents changed length between fills: " + frontPages
						+ " then " + front.getPages().size() + " pages");
			}
			virtualizer.setReadOnly(true);
			Files.write(iccProfile, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
			export(List.of(front, body), metadata, iccProfile, target);
			return total;
		}
		finally {
			virtualizer.cleanup();
			Files.deleteIfExists(iccProfile);
		}
	}

	/**
	 * Renders one report on its own (the register annex), its pages swapped to disk.
	 * @return the number of pages
	 */
	int renderOne(String name, Map<String, Object> parameters, Metadata metadata, Path target, Path workDir)
			throws IOException {
		Path iccProfile = Files.createTempFile(workDir, "srgb", ".icc");
		JRSwapFile swap = new JRSwapFile(workDir.toString(), 4096, 256);
		JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, swap, true);
		try {
			JasperPrint print = fill(name, parameters, new JREmptyDataSource(1), virtualizer);
			virtualizer.setReadOnly(true);
			Files.write(iccProfile, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
			export(List.of(print), metadata, iccProfile, target);
			return print.getPages().size();
		}
		finally {
			virtualizer.cleanup();
			Files.deleteIfExists(iccProfile);
		}
	}

	JasperPrint fill(String name, Map<String, Object> parameters, JRDataSource data,
			JRSwapFileVirtualizer virtualizer) {
		if (virtualizer != null) {
			parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
		}
		try {
			return JasperFillManager.getInstance(this.templates.context())
				.fill(this.templates.report(name), parameters, data);
		}
		catch (JRException ex) {
			throw new IllegalStateException("cannot fill report " + name + ": " + ex.getMessage(), ex);
		}
	}

	void export(List<JasperPrint> prints, Metadata metadata, Path iccProfile, Path target) throws IOException {
		JRPdfExporter exporter = new JRPdfExporter(this.templates.context());
		exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_3B);
		configuration.setIccProfilePath(iccProfile.toAbsolutePath().toString());
		configuration.setMetadataTitle(metadata.title());
		configuration.setMetadataSubject(metadata.subject());
		configuration.setMetadataAuthor(metadata.author());
		configuration.setMetadataKeywords(metadata.keywords());
		configuration.setMetadataCreator(metadata.creator());
		configuration.setDisplayMetadataTitle(true);
		exporter.setConfiguration(configuration);
		SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
		// break every line where the fill measured it: the PDF's own line breaking can
		// need a line more than the fill gave a text field, whose last line (the third
		// example of a finding group) was then cut off
		report.setForceLineBreakPolicy(true);
		exporter.setConfiguration(report);
		try (OutputStream out = Files.newOutputStream(target)) {
			exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IllegalStateException("cannot export the pack to PDF/A-3b: " + ex.getMessage(), ex);
		}
	}

}
