package org.envelopereview.pack;

/**
 * Where the cover of review-pack-front.jrxml leaves room for the visible signature, in
 * points from the page's top-left corner. Keep in step with the template: the rectangle
 * at x=255, y=250 (250 × 84) of the title band, whose origin is the page margin (45, 30).
 */
final class CoverLayout {

	static final float SIGNATURE_X = 45 + 255;

	static final float SIGNATURE_Y = 30 + 250;

	static final float SIGNATURE_WIDTH = 250;

	static final float SIGNATURE_HEIGHT = 84;

	private CoverLayout() {
	}

}
