package org.fangfei.app.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Item;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * The inbox on the workbench: the notices that still need the person, counted by kind,
 * and the newest five of them.
 */
@Component
class InboxOnWorkbench implements WorkbenchSection {

	static final int NEWEST = 5;

	private final Inbox inbox;

	InboxOnWorkbench(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("notice:inbox:view")) {
			return List.of();
		}
		Optional<Reader> reader = this.inbox.reader(actor.userId());
		if (reader.isEmpty()) {
			return List.of();
		}
		Map<NoticeKind, Long> byKind = this.inbox.openByKind(reader.get());
		List<Figure> figures = new ArrayList<>();
		figures
			.add(new Figure("open", "待办合计", byKind.values().stream().mapToLong(Long::longValue).sum(), "/inbox", true));
		byKind.forEach((kind, n) -> figures.add(new Figure(kind.name().toLowerCase().replace('_', '-'), kind.label(), n,
				"/inbox?kind=" + kind.name(), kind.needsAction())));
		List<Item> items = this.inbox.list(reader.get(), new InboxQuery(null, "open"), PageRequest.of(1, NEWEST))
			.items()
			.stream()
			.map(n -> new Item(n.title(), n.kindLabel() + " · " + Times.local(n.createdAt()).toLocalDate(), null, false,
					n.link() == null ? "/inbox" : n.link()))
			.toList();
		return List.of(new WorkbenchPanel("inbox", 10, "待办通知", "/inbox", figures, "最新待办", items, List.of()));
	}

}
