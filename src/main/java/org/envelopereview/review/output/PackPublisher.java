package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the signed packs of a completed run's boards: the review job's last step, so a
 * run is complete only once its packs are in place. Implemented where packs are made.
 */
public interface PackPublisher {

	/**
	 * @return the signed packs, in board order; none when packs are switched off
	 */
	List<Path> publish(List<BoardReview> boards);

}
