package org.fangfei.app.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The year of history's bulletins: the county office's monthly work bulletin to every
 * township, risk alerts to townships and departments and a commendation, sent through
 * {@link Bulletins#send} with their inbox notices, and opened by the demo townships and
 * department a day or three later, which gives their receipts; the latest are still
 * unread.
 */
@Component
class DemoBulletins implements DemoPart {

	private static final String[] ALERTS = { "关于警惕以“养老服务”名义非法集资的风险提示", "关于警惕虚拟货币、数字藏品投资骗局的风险提示",
			"关于警惕农民专业合作社违规吸收股金的风险提示", "关于警惕“消费返利”“拉人头”模式的风险提示" };

	private final Bulletins bulletins;

	private final Inbox inbox;

	private final ActorDirectory actors;

	DemoBulletins(Bulletins bulletins, Inbox inbox, ActorDirectory actors) {
		this.bulletins = bulletins;
		this.inbox = inbox;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "notification.year";
	}

	@Override
	public int order() {
		return 160;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(160);
		Actor office = this.actors.actorOf("office");
		Reader sender = reader(office);
		List<Actor> readers = List.of(this.actors.actorOf("huishi"), this.actors.actorOf("hepan"),
				this.actors.actorOf("market"));
		for (int month = 11; month >= 0; month--) {
			OffsetDateTime at = demo.daysAgo(month * 30 + 3);
			int n = 12 - month;
			send(demo, office, sender, readers, at,
					new BulletinForm("全县防范和处置非法集资工作通报(第" + n + "期)",
							"各乡镇、各成员单位：\n现将上月全县线索受理、核查处置和风险排查情况通报如下。请各单位对照通报，按时办结逾期线索，做好月度台账报送。\n县处非办",
							BulletinLevel.WORK, List.of(), List.of(), true, false));
			if (month % 3 == 1) {
				send(demo, office, sender, readers, demo.daysAgo(month * 30 + 10),
						new BulletinForm(ALERTS[month / 3 % ALERTS.length],
								"近期我县发现个别主体以高额回报为诱饵向群众吸收资金。请各单位加强排查，发现线索及时上报，并做好宣传提示。", BulletinLevel.RISK_ALERT,
								List.of(), List.of(), true, true));
			}
		}
		send(demo, office, sender, readers, demo.daysAgo(40), new BulletinForm("关于表扬会师镇风险排查工作的通报",
				"会师镇扎实开展楼宇扫楼和入户走访，及时发现并处置风险隐患，特予通报表扬。", BulletinLevel.COMMENDATION, List.of(), List.of(), true, false));
	}

	private void send(DemoNames demo, Actor office, Reader sender, List<Actor> readers, OffsetDateTime at,
			BulletinForm form) {
		Bulletin sent;
		try (Times.Held held = Times.holdAt(at)) {
			sent = this.bulletins.send(form, office.scope(), sender);
		}
		for (Actor reader : readers) {
			if (reader.departmentId() != null && !Boolean.TRUE.equals(form.allDepartments())) {
				continue;
			}
			OffsetDateTime read = demo.later(at, 3);
			if (read == null || demo.chance(0.1)) {
				continue;
			}
			try (Times.Held held = Times.holdAt(read)) {
				this.bulletins.open(sent.id(), reader.scope(), false, reader(reader));
			}
		}
	}

	private Reader reader(Actor actor) {
		return this.inbox.reader(actor.userId()).orElseThrow();
	}

}
