package org.fangfei.app.notification;

import java.time.LocalDate;
import java.util.function.IntSupplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a scheduled job reminds someone of a matter due on a day (a campaign
 * report, a township's monthly ledger, the end of a freeze): from the day its window
 * opens until the day it is due, a 即将到期 notice; once that day has passed, an 已逾期 notice
 * under the {@linkplain #late late key}, or — for a matter that simply ends, with no
 * overdue text — the reminder resolved. The job decides which matters are still open (not
 * filed, not submitted); the one that closes a matter resolves both keys. Posting is
 * idempotent on the key, so running again the same day adds nothing.
 */
@Service
public class DueReminders {

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	DueReminders(Inbox inbox, PlatformTransactionManager transactionManager) {
		this.inbox = inbox;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * A matter due on {@code dueOn}, reminded of from {@code remindFrom} on.
	 *
	 * @param key the dedup key of the 即将到期 notice; the 已逾期 one is {@link #late(String)}
	 * @param lateTitle null for a matter that ends on its day rather than falls overdue:
	 * its reminder is resolved once the day has passed
	 */
	public record Due(Recipient to, String key, String link, LocalDate remindFrom, LocalDate dueOn, String soonTitle,
			String soonBody, String lateTitle, String lateBody) {

		public Due {
			if (to == null || key == null || remindFrom == null || dueOn == null || soonTitle == null) {
				throw new IllegalArgumentException("A reminder needs a recipient, a key, its dates and a title");
			}
		}

	}

	/** The key of the 已逾期 notice of the matter whose reminder is keyed {@code key}. */
	public static String late(String key) {
		return key + ":late";
	}

	/**
	 * Runs one pass of a reminder job in a transaction of its own, so that a pass that
	 * fails midway leaves no notice of it behind (the next pass posts them all). A job's
	 * {@code @Scheduled} method calls its own pass, which Spring's proxy does not see;
	 * this is what makes that path atomic. Returns what the pass returns.
	 */
	public int pass(IntSupplier job) {
		Integer n = this.transactions.execute(status -> job.getAsInt());
		return n == null ? 0 : n;
	}

	/**
	 * Posts what {@code due} calls for on {@code today}, in the caller's transaction;
	 * returns whether a notice was posted that was not there before.
	 */
	@Transactional
	public boolean remind(Due due, LocalDate today) {
		if (today.isBefore(due.remindFrom())) {
			return false;
		}
		if (!today.isAfter(due.dueOn())) {
			return this.inbox.post(NoticeKind.DUE_SOON, due.to(), due.soonTitle(), due.soonBody(), due.link(),
					due.key());
		}
		if (due.lateTitle() == null) {
			this.inbox.resolve(due.key());
			return false;
		}
		return this.inbox.post(NoticeKind.OVERDUE, due.to(), due.lateTitle(), due.lateBody(), due.link(),
				late(due.key()));
	}

}
