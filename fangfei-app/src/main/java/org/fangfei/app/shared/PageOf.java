package org.fangfei.app.shared;

import java.util.List;

/**
 * One page of a list, as asked for by a {@link PageRequest}. Pages are numbered from 1.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

}
