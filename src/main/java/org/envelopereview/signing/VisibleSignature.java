package org.envelopereview.signing;

import java.util.List;

/**
 * Where and what the visible signature block shows, in points from the page's top-left
 * corner (the way report templates place elements).
 *
 * @param pageIndex zero-based page
 * @param lines the text drawn inside the block, first line in bold
 */
public record VisibleSignature(int pageIndex, float x, float y, float width, float height, List<String> lines) {

	public VisibleSignature {
		lines = List.copyOf(lines);
	}

}
