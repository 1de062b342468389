package org.envelopereview.generator;

/** What a generation wrote, for the command's summary line. */
public record GenerationSummary(long ordinary, long reverts, long deviations, long malformed, long trailEvents) {

	public long total() {
		return this.ordinary + this.reverts + this.deviations + this.malformed;
	}

}
