package org.fangfei.app.calendar;

import java.util.List;

import org.fangfei.app.shared.Rejected;

/** A bulk paste refused as a whole, with every problem in line order. */
class PasteRefused extends Rejected {

	private final List<String> problems;

	PasteRefused(List<String> problems) {
		super("粘贴的内容有 " + problems.size() + " 处错误，未录入任何一行：" + String.join("；", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
