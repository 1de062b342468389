package org.envelopereview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.envelopereview.decision.DecisionProperties;
import org.envelopereview.signing.DevelopmentPki;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningException;
import org.envelopereview.signing.SigningKeyException;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.SigningLevel;
import org.envelopereview.system.ReviewPaths;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: the README's first command. Runs, in order and exactly as a user would,
 * the real commands on the bundled example data: validate the envelopes, ingest the
 * example history and its CloudTrail trail, review 2026-Q2, record one board's decisions
 * on that pack, and review 2026-Q3, so that trends and the decisions' check show.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run the whole review on the bundled example data, as these commands would:",
				"  envelopes validate; ingest examples/action-history.jsonl examples/cloudtrail-2026.json",
				"  examples/gcp-audit-2026-q3.jsonl examples/azure-activity-2026-q3.json;",
				"  run --period 2026-Q2; decisions template and record for payments-cab;", "  run --period 2026-Q3",
				"With --signing-level B-LTA the packs are signed at PAdES-B-LTA by a throwaway development PKI." })
class DemoCommand implements Callable<Integer> {

	private static final String DECIDED_PERIOD = "2026-Q2";

	private static final String DECIDING_BOARD = "payments-cab";

	private final EnvelopeReviewCommand root;

	private final IFactory factory;

	private final ReviewPaths paths;

	private final DecisionProperties decisions;

	@Spec
	CommandSpec spec;

	@Option(names = "--history", paramLabel = "FILE", defaultValue = "examples/action-history.jsonl",
			description = "The example action history to ingest. Default: ${DEFAULT-VALUE}.")
	Path history;

	@Option(names = "--trail", paramLabel = "FILE", defaultValue = "examples/cloudtrail-2026.json",
			description = "The AWS CloudTrail trail the example agents' records name. Default: ${DEFAULT-VALUE}.")
	Path trail;

	@Option(names = "--gcp", paramLabel = "FILE", defaultValue = "examples/gcp-audit-2026-q3.jsonl",
			description = "A Google Cloud Audit Logs export of 2026-Q3. Default: ${DEFAULT-VALUE}.")
	Path gcp;

	@Option(names = "--azure", paramLabel = "FILE", defaultValue = "examples/azure-activity-2026-q3.json",
			description = "An Azure Activity Log export of 2026-Q3. Default: ${DEFAULT-VALUE}.")
	Path azure;

	@Option(names = "--decisions", paramLabel = "FILE", defaultValue = "examples/decisions-2026-Q2-payments-cab.yaml",
			description = "What the payments board decides on its 2026-Q2 pack. Default: ${DEFAULT-VALUE}.")
	Path boardDecisions;

	@Option(names = "--signing-level", paramLabel = "LEVEL",
			description = { "B-T or B-LTA: sign with a throwaway PKI started in this process (DEVELOPMENT ONLY: a root "
					+ "CA, a signer, a time-stamp authority and an OCSP responder on 127.0.0.1), and write its root "
					+ "certificate to <data>/test-pki/root-ca.pem for validators to trust. Default: as configured "
					+ "(review.signing.*)." })
	String signingLevel;

	private final PadesSigner signer;

	private final SigningKeys keys;

	DemoCommand(@Lazy EnvelopeReviewCommand root, IFactory factory, ReviewPaths paths, DecisionProperties decisions,
			PadesSigner signer, SigningKeys keys) {
		this.root = root;
		this.factory = factory;
		this.paths = paths;
		this.decisions = decisions;
		this.signer = signer;
		this.keys = keys;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		SigningLevel level = null;
		if (this.signingLevel != null) {
			try {
				level = SigningLevel.parse(this.signingLevel);
			}
			catch (IllegalArgumentException ex) {
				this.spec.commandLine().getErr().println("error: --signing-level: " + ex.getMessage());
				return 2;
			}
		}
		if (level == null || !level.timeStamped()) {
			return demo(out);
		}
		try (DevelopmentPki pki = DevelopmentPki.start()) {
			Path root = pki.writeRootCertificate(this.paths.dataDir().resolve("test-pki").resolve("root-ca.pem"));
			this.keys.useDevelopmentPki(pki);
			this.signer.useDevelopmentPki(pki, level);
			out.println("DEVELOPMENT ONLY: signing at PAdES-" + level + " with a throwaway PKI started in this process "
					+ "(root CA, signer, time-stamp authority " + pki.tsaUrl() + ", OCSP responder); every page says "
					+ "DEVELOPMENT KEY — NOT FOR SUBMISSION.");
			out.println("Its root certificate is in " + root + ": trust it (and only it) in a validator to check "
					+ "the packs, e.g. envelope-review verify --trust-store " + root + " PACK.pdf");
			int exitCode = demo(out);
			out.println();
			out.println("(the throwaway PKI stops with this process; its keys are not kept. The packs stay valid "
					+ "offline for validators that trust " + root + ")");
			return exitCode;
		}
		catch (SigningException | SigningKeyException ex) {
			this.spec.commandLine().getErr().println("error: " + ex.getMessage());
			return 2;
		}
	}

	private int demo(PrintWriter out) {
		for (Path input : List.of(this.history, this.trail, this.gcp, this.azure, this.boardDecisions)) {
			if (!Files.isRegularFile(input)) {
				this.spec.commandLine()
					.getErr()
					.println("error: " + input + " not found; run the demo from the project's top folder "
							+ "(where envelopes/ and examples/ are), or give --history, --trail, --gcp, --azure and --decisions");
				return 2;
			}
		}
		int validation = step(out, "envelopes", "validate", this.paths.envelopesDir().toString());
		if (validation > 1) {
			return validation;
		}
		int ingest = step(out, "ingest", this.history.toString(), this.trail.toString(), this.gcp.toString(),
				this.azure.toString());
		if (ingest != 0) {
			return ingest;
		}
		int q2 = step(out, "run", "--period", "2026-Q2");
		if (q2 != 0) {
			return q2;
		}
		int decisions = boardDecides(out);
		if (decisions != 0) {
			return decisions;
		}
		return step(out, "run", "--period", "2026-Q3");
	}

	/**
	 * The payments board's meeting on its 2026-Q2 pack: the template, filled in with the
	 * example's decisions (the board's part), then recorded and signed. Decisions once
	 * recorded are never replaced, so a second demo leaves them as they are.
	 */
	private int boardDecides(PrintWriter out) {
		Path record = this.decisions.record(DECIDED_PERIOD, DECIDING_BOARD);
		if (Files.isRegularFile(record)) {
			out.println();
			out.println("(" + DECIDING_BOARD + "'s " + DECIDED_PERIOD + " decisions are already recorded in " + record
					+ "; signed decisions are never replaced)");
			return 0;
		}
		int template = step(out, "decisions", "template", "--period", DECIDED_PERIOD, "--board", DECIDING_BOARD,
				"--force");
		if (template != 0) {
			return template;
		}
		Path filled = this.decisions.template(DECIDED_PERIOD, DECIDING_BOARD);
		out.println();
		out.println("(the board fills in " + filled + " with the decisions of " + this.boardDecisions + ")");
		try {
			Files.writeString(filled, fillIn(Files.readString(filled), Files.readString(this.boardDecisions)));
		}
		catch (IOException ex) {
			this.spec.commandLine().getErr().println("error: cannot fill in " + filled + ": " + ex.getMessage());
			return 2;
		}
		return step(out, "decisions", "record", filled.toString());
	}

	/**
	 * The template up to its {@code decisions:} line (which names the pack just signed),
	 * then the board's entries.
	 */
	static String fillIn(String template, String boardDecisions) {
		int entries = boardDecisions.indexOf("\ndecisions:");
		int placeholders = template.indexOf("\ndecisions:");
		if (entries < 0 || placeholders < 0) {
			throw new IllegalArgumentException("no 'decisions:' list to fill in");
		}
		return template.substring(0, placeholders) + boardDecisions.substring(entries);
	}

	private int step(PrintWriter out, String... args) {
		out.println();
		out.println("$ envelope-review " + String.join(" ", args));
		out.flush();
		CommandLine commandLine = new CommandLine(this.root, this.factory);
		commandLine.setOut(out);
		commandLine.setErr(this.spec.commandLine().getErr());
		return commandLine.execute(args);
	}

}
