package org.fangfei.app.evaluation;

import java.util.List;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The demo county's evaluation, through the module's services: last year's township
 * evaluation with the mechanisms scored by hand, computed and finalised; this year's
 * mechanisms scored so far; and this year's drive — 会师镇 and 河畔镇 nominate communities,
 * give evidence where the records fall short, submit; the office certifies two and
 * returns one with its reasons.
 */
@Component
class DemoEvaluation implements DemoPart {

	private static final String[] MECHANISMS = { "已建立乡镇处非工作领导小组和网格化管理制度，职责分工明确", "制度基本健全，联络员已明确，例会记录不全",
			"已制定线索排查处置和信息报送制度，部分村(社区)未落实" };

	private final ScoringSchemes schemes;

	private final Evaluations evaluations;

	private final Communities communities;

	private final Regions regions;

	private final ActorDirectory actors;

	private final Checklist checklist;

	DemoEvaluation(ScoringSchemes schemes, Evaluations evaluations, Communities communities, Regions regions,
			ActorDirectory actors, Checklist checklist) {
		this.checklist = checklist;
		this.schemes = schemes;
		this.evaluations = evaluations;
		this.communities = communities;
		this.regions = regions;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "evaluation.year";
	}

	@Override
	public int order() {
		return 180;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		Actor office = this.actors.actorOf("office");
		int year = Times.today().getYear();
		scoreMechanisms(year - 1, office);
		this.evaluations.finalise(year - 1, Target.TOWNSHIP, office);
		scoreMechanisms(year, office);
		drive(year, office);
	}

	private void scoreMechanisms(int year, Actor office) {
		List<Scoring.Unit> units = this.evaluations.units(Target.TOWNSHIP, office);
		for (int i = 0; i < units.size(); i++) {
			Scoring.Unit u = units.get(i);
			this.schemes.score(year, Target.TOWNSHIP, "机制建设", u.code(), u.name(), Integer.toString(10 - i % 3 * 2),
					MECHANISMS[i % 3], office);
		}
	}

	private void drive(int year, Actor office) {
		Actor huishi = this.actors.actorOf("huishi");
		Actor hepan = this.actors.actorOf("hepan");
		List<Communities.Community> nominated = new java.util.ArrayList<>();
		nominated.addAll(nominate(year, huishi, 2));
		nominated.addAll(nominate(year, hepan, 1));
		for (int i = 0; i < nominated.size(); i++) {
			Communities.Community c = nominated.get(i);
			Actor township = c.townshipCode().equals(huishi.regionCode()) ? huishi : hepan;
			for (Checklist.Item item : this.communities.checklist(c)) {
				if (!item.met() && item.standard().evidenceAllowed()) {
					this.communities.addEvidence(c.id(), item.standard().name(), evidence(item.standard(), c), null,
							township);
				}
			}
			this.communities.submit(c.id(), township);
			if (i == 1) {
				this.communities.returnIt(c.id(), "联动预警机制只有文字说明，请补充与县市场监管局、公安局联席会议的纪要或照片", office);
			}
			else {
				this.communities.certify(c.id(), office);
			}
		}
	}

	/** The township's first villages with no case this year. */
	private List<Communities.Community> nominate(int year, Actor township, int count) {
		List<Region> villages = this.regions
			.search(null, RegionLevel.VILLAGE, DataScope.jurisdiction(township.regionCode()))
			.stream()
			.filter(Region::enabled)
			.toList();
		List<Communities.Community> out = new java.util.ArrayList<>();
		// a village with a case this year is not nominated; one such stays nominated,
		// unsubmitted, to show the standard unmet
		boolean unmetShown = false;
		for (Region v : villages) {
			if (out.size() == count) {
				break;
			}
			if (this.checklist.casesOpened(year, v.code(), v.name()) > 0) {
				if (unmetShown) {
					continue;
				}
				unmetShown = true;
			}
			Communities.Community c = this.communities.nominate(year, v.code(), township);
			boolean clean = this.communities.checklist(c)
				.stream()
				.filter(i -> i.standard() == Standard.NO_CASE)
				.allMatch(Checklist.Item::met);
			if (clean) {
				out.add(c);
			}
		}
		return out;
	}

	private static String evidence(Standard standard, Communities.Community c) {
		return switch (standard) {
			case STAFF -> c.regionName() + "村(社区)党支部书记和村委会委员各1名为处非工作人员";
			case LINKAGE -> "与县市场监管局、县公安局建立联动预警机制，按季度召开联席会议";
			case OUTREACH -> "在村(社区)文化广场设立防范非法集资宣传栏，每月更新";
			case AWARENESS -> "入户问卷调查120户，知晓率86%";
			case NO_CASE -> "";
		};
	}

}
