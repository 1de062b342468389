package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class OutputContextKeysTests {

	@Test
	void shouldStoreArchivedFilesAndPacksAsLinesUnderTheirStableKeys() {
		// given the entries steps 5 and 6 leave in the job's context
		ExecutionContext context = new ExecutionContext();
		OutputContextKeys.putArchived(context, List.of("moved payments-cab to runs/1", "moved network-cab to runs/1"));
		OutputContextKeys.putPacks(context, List.of(Path.of("out/2026-Q3/payments-cab/review-pack.pdf")));

		// then a run interrupted before an upgrade finds them where it left them
		assertThat(context.getString("review.archived"))
			.isEqualTo("moved payments-cab to runs/1\nmoved network-cab to runs/1");
		assertThat(context.getString("review.packs")).isEqualTo("out/2026-Q3/payments-cab/review-pack.pdf");
		assertThat(OutputContextKeys.archived(context)).containsExactly("moved payments-cab to runs/1",
				"moved network-cab to runs/1");
		assertThat(OutputContextKeys.packs(context))
			.containsExactly(Path.of("out/2026-Q3/payments-cab/review-pack.pdf"));
	}

	@Test
	void shouldReadNothingBeforeTheOutputStepsRanOrWhenTheyHadNothingToSay() {
		ExecutionContext context = new ExecutionContext();
		assertThat(OutputContextKeys.archived(context)).isEmpty();
		assertThat(OutputContextKeys.packs(context)).isEmpty();

		OutputContextKeys.putArchived(context, List.of());
		OutputContextKeys.putPacks(context, List.of());
		assertThat(OutputContextKeys.archived(context)).isEmpty();
		assertThat(OutputContextKeys.packs(context)).isEmpty();
	}

}
