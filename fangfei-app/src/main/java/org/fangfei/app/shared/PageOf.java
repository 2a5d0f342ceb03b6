package org.fangfei.app.shared;

import java.util.List;

/**
 * One page of a list. Pages are numbered from 1.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public static final int DEFAULT_SIZE = 20;

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

	public static int offset(int page, int size) {
		return (Math.max(page, 1) - 1) * size;
	}

	public static int clampSize(int size) {
		return Math.min(Math.max(size, 1), 200);
	}

}
