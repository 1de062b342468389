package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.pack.PackSection.TocEntry;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.digests;
import static org.envelopereview.pack.Rows.fact;
import static org.envelopereview.pack.Rows.rows;

/**
 * Turns a {@link BoardReview} into the parameters and data sources of the pack's
 * templates: the cover and table of contents here, each body section a
 * {@link PackSection}, listed in pack order. Data sources are single-use, so every call
 * builds fresh ones.
 */
class PackSections {

	private final BoardReview review;

	private final ReviewFacts facts;

	private final PackManifest manifest;

	private final Map<String, JasperReport> subreports;

	/** The body's sections in the order review-pack-body.jrxml prints them. */
	private final List<PackSection> sections;

	PackSections(BoardReview review, PackManifest manifest, Map<String, JasperReport> subreports) {
		this(new ReviewFacts(review), manifest, subreports);
	}

	/** Sections over facts already gathered, e.g. the groups also written as JSON. */
	PackSections(ReviewFacts facts, PackManifest manifest, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.manifest = manifest;
		this.subreports = subreports;
		this.sections = List.of(new SummarySection(this.facts, subreports),
				new DecisionsSinceSection(this.facts, subreports), new DecisionsSection(this.facts, subreports),
				new EnvelopeSections(this.facts, subreports), new AllEnvelopesSection(this.facts, subreports),
				new RegisterSection(this.facts, subreports), new AuditTrailSection(this.facts, subreports),
				new QuarantineSection(this.facts, subreports), new AppendixSection(this.facts, manifest, subreports));
	}

	List<TocEntry> tableOfContents() {
		List<TocEntry> entries = new ArrayList<>();
		this.sections.forEach((section) -> entries.addAll(section.contents()));
		return entries;
	}

	/** The parameters of the cover and table of contents. */
	Map<String, Object> front(Integer totalPages) {
		Map<String, Object> parameters = common();
		parameters.put("PERIOD_RANGE", this.facts.periodRange());
		parameters.put("SIGNER_NAME", this.manifest.signer().subject());
		parameters.put("SIGNER_FINGERPRINT", this.manifest.signer().certificateSha256());
		parameters.put("SOFTWARE_VERSION", this.manifest.softwareVersion());
		parameters.put("FINDINGS_HEADLINE", this.facts.headline());
		parameters.put("TOTAL_PAGES", totalPages);
		List<Map<String, ?>> cover = new ArrayList<>();
		cover.add(fact("Board", this.review.board().id()));
		cover.add(fact("Run", "#" + this.review.runNumber() + " (id " + this.review.runId() + ")"));
		cover.add(fact("Window", this.facts.periodRange()));
		cover.add(fact("Signer", Rows.commonName(this.manifest.signer().subject())
				+ (this.manifest.signer().developmentKey() ? " (development key)" : "")));
		cover.add(fact("Certificate SHA-256", this.manifest.signer().certificateSha256()));
		cover.add(fact("Software", "Envelope Review " + this.manifest.softwareVersion()));
		parameters.put("COVER_FACTS", rows(cover));
		List<PackManifest.FileDigest> inputs = ListedDigests.inputs(this.manifest.inputs(),
				this.facts.envelopes().detailed());
		parameters.put("INPUTS", digests(inputs));
		parameters.put("INPUTS_MORE", ListedDigests.moreInputs(this.manifest.inputs(), inputs));
		return parameters;
	}

	/** The table of contents with the page of each anchor, blank where not yet known. */
	JRDataSource tableOfContentsRows(Map<String, Integer> pages) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (TocEntry entry : tableOfContents()) {
			Integer page = pages.get(entry.title());
			rows.add(Map.of("title", entry.title(), "level", entry.level(), "anchor", entry.title(), "page",
					(page != null) ? page.toString() : ""));
		}
		return rows(rows);
	}

	/** The parameters of the body, whose page numbers start after {@code pageOffset}. */
	Map<String, Object> body(int pageOffset) {
		Map<String, Object> parameters = common();
		parameters.put("PAGE_OFFSET", pageOffset);
		Map<String, Map<String, Object>> sections = new HashMap<>();
		this.sections.forEach((section) -> sections.put(section.key(), section.parameters()));
		parameters.put("SECTIONS", sections);
		return parameters;
	}

	/**
	 * The parameters every section subreport gets: its compiled report, its rows, the
	 * subreports.
	 */
	static Map<String, Object> section(Map<String, JasperReport> subreports, String report, JRDataSource data) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("REPORT", subreports.get(report));
		parameters.put("DATA", data);
		parameters.put("SUBREPORTS", subreports);
		return parameters;
	}

	private Map<String, Object> common() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("BOARD_NAME", this.review.board().name());
		parameters.put("BOARD_ID", this.review.board().id());
		parameters.put("PERIOD", this.review.period().label());
		parameters.put("RUN_LABEL", "Run " + this.review.runNumber() + " (id " + this.review.runId() + ") · "
				+ this.review.board().id() + " · " + this.review.period().label());
		parameters.put("DEVELOPMENT_KEY", this.manifest.signer().developmentKey());
		parameters.put("SUBREPORTS", this.subreports);
		return parameters;
	}

}
