package org.fangfei.app.shared;

import java.util.List;

import org.fangfei.app.shared.PageRequest;

/**
 * Which page of a list is asked for, capped: pages are numbered from 1 and at most
 * {@value #MAX_PAGE}, and a page holds 1 to {@value #MAX_SIZE} rows. Whatever a request
 * sends ({@code page=0}, {@code size=100000}, {@code page=999999999}) becomes a page that
 * can be read, so no list is read whole through the API and no offset overflows into a
 * database error. Built once where the request is read; searches take it as it is.
 *
 * @param page the page number, from 1
 * @param size rows per page
 */
public record PageRequest(int page, int size) {

	/** Rows per page on the pages, and on the API when none is asked for. */
	public static final int DEFAULT_SIZE = 20;

	/** The most rows one page may hold. */
	public static final int MAX_SIZE = 200;

	/**
	 * The last page that may be asked for; with {@link #MAX_SIZE} rows a page its offset
	 * still fits an {@code int}.
	 */
	public static final int MAX_PAGE = 1_000_000;

	/**
	 * Clamps the page into 1 … {@link #MAX_PAGE} and the size into 1 … {@link #MAX_SIZE}.
	 */
	public PageRequest {
		page = Math.min(Math.max(page, 1), MAX_PAGE);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	/** A page of {@link #DEFAULT_SIZE} rows. */
	public static PageRequest of(int page) {
		return new PageRequest(page, DEFAULT_SIZE);
	}

	/** A page of the asked size, capped. */
	public static PageRequest of(int page, int size) {
		return new PageRequest(page, size);
	}

	/** The rows before this page, for SQL {@code offset}. */
	public int offset() {
		return (this.page - 1) * this.size;
	}

	/** This page's rows out of {@code total}. */
	public <T> PageOf<T> pageOf(List<T> items, long total) {
		return new PageOf<>(items, this.page, this.size, total);
	}

}
