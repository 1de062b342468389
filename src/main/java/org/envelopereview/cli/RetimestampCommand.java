package org.envelopereview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.pack.PackVerification;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningException;
import org.envelopereview.signing.SigningLevel;
import org.envelopereview.signing.VerificationCheck;

import org.springframework.stereotype.Component;

/**
 * {@code retimestamp PACK.pdf…}: extends signed packs with fresh validation data and a
 * new document time-stamp, before the last time-stamp's certificate expires.
 */
@Component
@Command(name = "retimestamp", mixinStandardHelpOptions = true,
		description = {
				"Extend PAdES-B-LTA packs (or make B-T packs B-LTA): append the validation data of the "
						+ "last time-stamp and a new document time-stamp from review.signing.tsa-url, in place.",
				"Run it before the last time-stamp's certificate expires (verify shows when). A pack is extended "
						+ "only when it verifies first; the bytes already there are never changed." })
class RetimestampCommand implements Callable<Integer> {

	private final PackVerifier verifier;

	private final PadesSigner signer;

	@Parameters(arity = "1..*", paramLabel = "PACK.pdf", description = "signed review packs or decision records")
	List<Path> packs;

	@Spec
	CommandSpec spec;

	RetimestampCommand(PackVerifier verifier, PadesSigner signer) {
		this.verifier = verifier;
		this.signer = signer;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		int extended = 0;
		for (Path pack : this.packs) {
			out.println(pack);
			if (extend(pack, out)) {
				extended++;
			}
		}
		out.println("retimestamp: " + extended + " of " + this.packs.size() + " pack(s) extended"
				+ ((extended == this.packs.size()) ? "" : "; " + (this.packs.size() - extended) + " FAILED"));
		out.flush();
		return (extended == this.packs.size()) ? 0 : 1;
	}

	private boolean extend(Path pack, PrintWriter out) {
		PackVerification before = this.verifier.verify(pack, null);
		if (!before.passed()) {
			out.println("  NOT EXTENDED: the pack does not verify ("
					+ String.join("; ", before.failures().stream().map(VerificationCheck::toString).toList())
					+ "); run verify for the details");
			return false;
		}
		if (before.level() == SigningLevel.B_B) {
			out.println("  NOT EXTENDED: the pack is PAdES-B-B: without a signature time-stamp nothing proves when "
					+ "it was signed, so no later time-stamp can make it long-term (sign at B-T or B-LTA)");
			return false;
		}
		try {
			this.signer.retimestamp(pack);
		}
		catch (SigningException ex) {
			out.println("  NOT EXTENDED: " + ex.getMessage());
			return false;
		}
		PackVerification after = this.verifier.verify(pack, null);
		if (!after.passed()) {
			// cannot happen unless the TSA's token is bad: say so rather than hide it
			out.println("  EXTENDED BUT NOT VERIFIED: "
					+ String.join("; ", after.failures().stream().map(VerificationCheck::toString).toList()));
			return false;
		}
		long stamps = after.checks().stream().filter((check) -> check.name().equals("document-timestamp")).count();
		out.println("  extended: PAdES-" + after.level() + " with " + stamps + " document time-stamp(s)");
		after.checks()
			.stream()
			.filter((check) -> check.name().equals("validity"))
			.forEach((check) -> out.println("  " + check.detail()));
		return true;
	}

}
