package org.fangfei.app.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A move made with a button on a record's page (submit, return with reasons, accept,
 * certify): made, then back to the page with what was done, or with the refusal's Chinese
 * message ({@link Rejected}) as {@code actionError} for the page to show above its
 * buttons. Anything else is not the user's to fix and goes to the error page.
 */
public final class PageMoves {

	private PageMoves() {
	}

	/**
	 * Makes {@code move} and redirects to {@code back}, flashing {@code done} or the
	 * refusal.
	 */
	public static String make(String back, RedirectAttributes redirect, String done, Runnable move) {
		try {
			move.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:" + back;
	}

}
