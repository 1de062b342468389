package org.envelopereview.action.provider;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * The parser as a tree reader of one log element sees it: it stops the element once its
 * bytes exceed the limit, so that no element is held whole beyond it. Shared by the
 * CloudTrail and the Google Cloud and Azure readers.
 */
public final class BoundedJsonParser extends JsonParserDelegate {

	private final long start;

	private final long limit;

	/** Bounds the element that starts at byte {@code start} to {@code limit} bytes. */
	public BoundedJsonParser(JsonParser parser, long start, long limit) {
		super(parser);
		this.start = start;
		this.limit = limit;
	}

	@Override
	public JsonToken nextToken() {
		return checked(super.nextToken());
	}

	@Override
	public JsonToken nextValue() {
		return checked(super.nextValue());
	}

	@Override
	public String nextName() {
		return checked(super.nextName());
	}

	@Override
	public boolean nextName(SerializableString name) {
		return checked(super.nextName(name));
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		return checked(super.nextNameMatch(matcher));
	}

	private <T> T checked(T value) {
		if (delegate().currentLocation().getByteOffset() - this.start > this.limit) {
			throw new OversizedElement();
		}
		return value;
	}

	/** Thrown when an element grows past the limit while it is read. */
	public static final class OversizedElement extends RuntimeException {

		private static final long serialVersionUID = 1L;

		OversizedElement() {
			super(null, null, false, false);
		}

	}

}
