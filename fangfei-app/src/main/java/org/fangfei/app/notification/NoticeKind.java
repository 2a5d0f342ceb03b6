package org.fangfei.app.notification;

/**
 * What a notice is about. Kinds that ask for action stay open ("needs me now") until the
 * matter is resolved; the others are done for a reader once they have read them.
 */
public enum NoticeKind {

	ASSIGNED("新分派", true), RETURNED("退回", true), DUE_SOON("即将到期", true), OVERDUE("已逾期", true), SUPERVISION("督办", true),
	MAJOR_REPORT("重大线索上报", true), BULLETIN("通报", false), FEEDBACK("反馈", false), INFO("提示", false),
	CALENDAR("工作日历", true);

	private final String label;

	private final boolean needsAction;

	NoticeKind(String label, boolean needsAction) {
		this.label = label;
		this.needsAction = needsAction;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Whether the notice stays open until {@link Inbox#resolve(String)}; otherwise
	 * reading it is enough.
	 */
	public boolean needsAction() {
		return this.needsAction;
	}

}
