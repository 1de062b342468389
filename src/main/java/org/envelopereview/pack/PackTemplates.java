package org.envelopereview.pack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

/**
 * The pack's JasperReports templates ({@code classpath:reports/*.jrxml}), compiled on
 * first use and cached, and the JasperReports settings every pack is rendered with.
 */
class PackTemplates {

	static final String FRONT = "review-pack-front";

	static final String BODY = "review-pack-body";

	/** Every subreport, by the name templates look them up with. */
	static final List<String> SUBREPORTS = List.of("cover-facts", "key-values", "digests", "summary", "scope-change",
			"chart-severity", "chart-codes", "chart-scope", "chart-envelope-trend", "chart-weekly",
			"chart-weekly-narrow", "decisions-since", "decisions", "sign-off", "envelopes", "all-envelopes",
			"envelope-classes", "envelope-trend", "findings-table", "register", "integrity", "integrity-breaks",
			"quarantine", "quarantine-records", "not-reviewed", "withdrawals", "appendix", "controls");

	private final JasperReportsContext context;

	private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

	PackTemplates() {
		SimpleJasperReportsContext settings = new SimpleJasperReportsContext();
		// the Eclipse compiler reads classes through the class loader, so it also works
		// inside the Boot fat jar, where the JDK compiler cannot see nested jars
		settings.setProperty("net.sf.jasperreports.compiler.java", "net.sf.jasperreports.jdt.JRJdtCompiler");
		// Everything in DejaVu, embedded, Identity-H: no stray non-embedded Helvetica
		settings.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
		settings.setProperty("net.sf.jasperreports.default.pdf.font.name",
				"net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
		settings.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
		settings.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
		settings.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
		// charts as vector graphics with their text mapped to the embedded fonts
		settings.setProperty("net.sf.jasperreports.chart.render.type", "draw");
		this.context = settings;
	}

	JasperReportsContext context() {
		return this.context;
	}

	JasperReport report(String name) {
		return this.compiled.computeIfAbsent(name, this::compile);
	}

	/** All subreports, compiled, for the templates' {@code SUBREPORTS} parameter. */
	Map<String, JasperReport> subreports() {
		Map<String, JasperReport> all = new java.util.HashMap<>();
		for (String name : SUBREPORTS) {
			all.put(name, report(name));
		}
		for (String name : RecommendationRows.SUBREPORTS) {
			all.put(name, report(name));
		}
		return Collections.unmodifiableMap(all);
	}

	private JasperReport compile(String name) {
		String resource = "reports/" + name + ".jrxml";
		try (InputStream in = PackTemplates.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("report template " + resource + " is missing from the classpath");
			}
			return JasperCompileManager.getInstance(this.context).compile(in);
		}
		catch (IOException | JRException ex) {
			throw new IllegalStateException("cannot compile report template " + resource + ": " + ex.getMessage(), ex);
		}
	}

}
