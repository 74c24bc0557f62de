"""Hand-written pairs of dated news sentences: same happening or not (invented text).

Each pair is ``(date_a, sentence_a, date_b, sentence_b, same, kind)``. Dates are ISO at
their granularity (``2024-03-05``, ``2024-W10``, ``2024-03``). ``kind`` says what the pair
tests: ``paraphrase`` (one event in different words), ``actors`` (different events of the
same actors on the same day), ``antonym`` (opposite reactions or decisions), ``numbers``
(same wording, different figures), ``nested`` (a day inside a week or month), ``topic``
(same story, different happening). Pairs alternate between the ``dev`` half (used to choose
thresholds) and the ``test`` half (only reported): see :data:`PAIRS` and :func:`split`.
"""

from __future__ import annotations

import datetime as dt

from chronicle.models import EventMention, Granularity

Pair = tuple[str, str, str, str, bool, str]

D = "2024-03-05"

PAIRS: list[Pair] = [
    # --- one event, different words
    (D, "Kim Jong Un toured two tank factories on Tuesday, state media said.",
     D, "North Korea's leader inspected armoured vehicle plants on Tuesday, KCNA reported.", True, "paraphrase"),
    (D, "The central bank raised its main interest rate by a quarter point on Tuesday.",
     D, "Policymakers lifted the benchmark rate 25 basis points, the bank said.", True, "paraphrase"),
    (D, "Thousands of nurses walked out of hospitals across Ontario on Tuesday.",
     D, "Ontario nurses went on strike on Tuesday, closing wards in dozens of hospitals.", True, "paraphrase"),
    (D, "A magnitude 6.4 earthquake struck southern Taiwan early on Tuesday.",
     D, "Southern Taiwan was shaken by a 6.4-magnitude quake before dawn on Tuesday.", True, "paraphrase"),
    (D, "Finland formally joined NATO on Tuesday, becoming the alliance's 31st member.",
     D, "NATO welcomed Finland as its 31st member at a ceremony in Brussels on Tuesday.", True, "paraphrase"),
    (D, "Police arrested the former mayor of Lyon on corruption charges on Tuesday.",
     D, "The ex-mayor of Lyon was detained by police on Tuesday in a graft inquiry.", True, "paraphrase"),
    (D, "The prime minister resigned on Tuesday after losing a confidence vote.",
     D, "Hours after losing a vote of confidence, the prime minister quit on Tuesday.", True, "paraphrase"),
    (D, "North Korea fired two ballistic missiles into the sea off its east coast on Tuesday.",
     D, "Pyongyang launched a pair of ballistic missiles toward the East Sea, Seoul's military said.", True, "paraphrase"),
    (D, "Union members ratified the new contract with 71 percent in favour on Tuesday.",
     D, "The union's members approved the agreement on Tuesday, 71 percent voting yes.", True, "paraphrase"),
    (D, "A court in Berlin ordered the airline to refund passengers on Tuesday.",
     D, "Judges in Berlin ruled on Tuesday that the airline must pay back its passengers.", True, "paraphrase"),
    (D, "The European Union imposed new sanctions on Belarus on Tuesday.",
     D, "EU foreign ministers agreed a fresh round of sanctions against Belarus on Tuesday.", True, "paraphrase"),
    (D, "At least 12 people were killed when a bus plunged into a ravine in Peru on Tuesday.",
     D, "A bus crash in the Peruvian Andes left 12 dead on Tuesday, officials said.", True, "paraphrase"),
    (D, "Apple unveiled its new iPhone at an event in Cupertino on Tuesday.",
     D, "At its Cupertino launch on Tuesday, Apple showed off the latest iPhone.", True, "paraphrase"),
    (D, "The two leaders signed a trade agreement in Hanoi on Tuesday.",
     D, "Vietnam and Japan sealed a trade pact on Tuesday during the Japanese premier's visit to Hanoi.", True, "paraphrase"),
    (D, "Talks between the government and rebels collapsed on Tuesday in Doha.",
     D, "Negotiations in Doha broke down on Tuesday, with both sides blaming each other.", True, "paraphrase"),
    (D, "Senator Maria Ortiz announced her candidacy for governor on Tuesday.",
     D, "Ortiz said on Tuesday she would run for governor, ending months of speculation.", True, "paraphrase"),
    (D, "Fire broke out at a chemical plant near Rouen on Tuesday, sending smoke over the city.",
     D, "A blaze at a Rouen chemical factory on Tuesday covered the city in black smoke.", True, "paraphrase"),
    (D, "The Senate passed the infrastructure bill by 69 votes to 30 on Tuesday.",
     D, "Senators approved the $1 trillion infrastructure package 69-30 on Tuesday.", True, "paraphrase"),
    (D, "In a joint statement, 40 countries condemned the missile transfers on Tuesday.",
     D, "\"These transfers are illegal,\" the joint statement said on Tuesday.", True, "paraphrase"),
    (D, "Shares in Volkswagen fell 8 percent on Tuesday after a profit warning.",
     D, "Volkswagen stock dropped 8% on Tuesday when the carmaker cut its profit outlook.", True, "paraphrase"),
    (D, "The president vetoed the immigration bill on Tuesday.",
     D, "On Tuesday the president rejected the immigration legislation passed by Congress.", True, "paraphrase"),
    (D, "Flooding forced 5,000 people from their homes in Bavaria on Tuesday.",
     D, "Some 5,000 residents of Bavaria were evacuated as rivers burst their banks on Tuesday.", True, "paraphrase"),
    (D, "The dockworkers' union called off its strike on Tuesday after a deal was reached.",
     D, "Dockworkers ended their walkout on Tuesday once the union and the port agreed terms.", True, "paraphrase"),
    (D, "Israeli aircraft struck targets in southern Lebanon on Tuesday, the army said.",
     D, "The Israeli military said its jets hit sites in south Lebanon on Tuesday.", True, "paraphrase"),
    (D, "The World Health Organization declared the outbreak a global emergency on Tuesday.",
     D, "On Tuesday the WHO said the outbreak was a public health emergency of international concern.", True, "paraphrase"),
    (D, "Boeing's chief executive stepped down on Tuesday.",
     D, "Boeing said on Tuesday its CEO would leave the company immediately.", True, "paraphrase"),
    (D, "Protesters stormed the parliament building in Colombo on Tuesday.",
     D, "Crowds forced their way into Sri Lanka's parliament in Colombo on Tuesday.", True, "paraphrase"),
    (D, "Chancellor Scholz met President Macron in Paris on Tuesday to discuss Ukraine aid.",
     D, "Macron hosted Scholz at the Elysee on Tuesday for talks on support for Ukraine.", True, "paraphrase"),
    (D, "The oil spill reached the Louisiana coast on Tuesday.",
     D, "Oil from the leaking well washed ashore in Louisiana on Tuesday.", True, "paraphrase"),
    (D, "Grain exports resumed from Odesa on Tuesday when the first ship left port.",
     D, "The first grain ship sailed from Odesa on Tuesday, restarting exports.", True, "paraphrase"),
    # --- one event, a day inside a week or month
    ("2024-03-04", "Kim Jong Un inspected a shipyard in Nampo on Monday, KCNA said.",
     "2024-W10", "North Korea's leader visited shipyards this week, state media reported.", True, "nested"),
    ("2024-03-06", "Workers at the Turin plant walked out on Wednesday.",
     "2024-W10", "A strike shut the Turin car plant this week.", True, "nested"),
    ("2024-03-12", "The regulator fined Meta 1.2 billion euros on Tuesday.",
     "2024-03", "Meta was fined 1.2 billion euros by the regulator this month.", True, "nested"),
    ("2024-03-07", "The mediator brought both sides back to the table on Thursday.",
     "2024-W10", "Talks resumed this week under the mediator.", True, "nested"),
    ("2024-03-19", "Parliament approved the budget on Tuesday by 201 votes to 150.",
     "2024-03", "The budget passed parliament earlier this month, 201 to 150.", True, "nested"),
    ("2024-03-05", "Hamas released four hostages on Tuesday.",
     "2024-W10", "Four hostages were freed by Hamas this week.", True, "nested"),
    ("2024-03-04", "The central bank cut rates by half a point on Monday.",
     "2024-W10", "The central bank raised rates by half a point this week.", False, "nested"),
    ("2024-03-05", "Kim Jong Un visited a missile factory on Tuesday.",
     "2024-W10", "North Korea test-fired a cruise missile this week, Seoul said.", False, "nested"),
    ("2024-03-08", "The union and the port signed the agreement on Friday.",
     "2024-W10", "Talks between the union and the port broke down this week.", False, "nested"),
    ("2024-03-21", "Police arrested three suspects in the Malmo shooting on Thursday.",
     "2024-03", "A gunman killed two people in Malmo this month.", False, "nested"),
    # --- same actors, same day, different events
    (D, "Kim Jong Un inspected a munitions factory on Tuesday, KCNA said.",
     D, "Kim Jong Un oversaw the test-firing of a new cruise missile on Tuesday, KCNA said.", False, "actors"),
    (D, "Blinken met Saudi Crown Prince Mohammed bin Salman in Riyadh on Tuesday.",
     D, "Blinken flew from Riyadh to Cairo on Tuesday evening.", False, "actors"),
    (D, "The union rejected the port authority's pay offer on Tuesday.",
     D, "The union asked the labour ministry to appoint a mediator on Tuesday.", False, "actors"),
    (D, "Ukraine shot down 20 Russian drones over Kyiv on Tuesday.",
     D, "Russia struck a power station in Kharkiv with missiles on Tuesday.", False, "actors"),
    (D, "The Fed held interest rates steady on Tuesday.",
     D, "Fed chair Powell told Congress on Tuesday that inflation was easing.", False, "actors"),
    (D, "Israel's cabinet approved the ceasefire deal on Tuesday.",
     D, "Israeli troops withdrew from two towns in Gaza on Tuesday.", False, "actors"),
    (D, "Macron appointed a new prime minister on Tuesday.",
     D, "Macron addressed the nation on television on Tuesday evening about pension reform.", False, "actors"),
    (D, "BP capped the leaking well on Tuesday.",
     D, "BP's chief executive apologised to Gulf residents on Tuesday.", False, "actors"),
    (D, "The court sentenced the former president to five years in prison on Tuesday.",
     D, "The former president's lawyers filed an appeal against his tax conviction on Tuesday.", False, "actors"),
    (D, "Tesla recalled 2 million cars over autopilot flaws on Tuesday.",
     D, "Tesla opened its first factory in India on Tuesday.", False, "actors"),
    (D, "The dockworkers' union voted to strike on Tuesday.",
     D, "The port authority said on Tuesday it would seek a court injunction against the union.", False, "actors"),
    (D, "China's navy held live-fire drills near Taiwan on Tuesday.",
     D, "China's foreign ministry summoned the US ambassador on Tuesday over arms sales to Taiwan.", False, "actors"),
    (D, "Kim Jong Un's sister issued a statement on Tuesday warning Seoul.",
     D, "Kim Jong Un visited a farm in South Hamgyong province on Tuesday.", False, "actors"),
    (D, "Sullivan spoke with his South Korean counterpart by phone on Tuesday.",
     D, "Sullivan travelled to Kyiv on Tuesday to meet Zelenskiy.", False, "actors"),
    (D, "Hurricane Ian made landfall in Florida on Tuesday.",
     D, "Florida's governor declared a state of emergency for Hurricane Ian on Tuesday.", False, "actors"),
    (D, "Zelenskiy addressed the US Congress on Tuesday.",
     D, "Zelenskiy visited front-line troops in Bakhmut on Tuesday.", False, "actors"),
    (D, "The strikers blocked the road to the harbour on Tuesday.",
     D, "Police cleared the strikers' picket from the harbour road on Tuesday.", False, "actors"),
    (D, "The Senate confirmed the nominee to the Supreme Court on Tuesday.",
     D, "The Senate passed a stopgap funding bill on Tuesday.", False, "actors"),
    (D, "Gunmen attacked a police station in Kano on Tuesday.",
     D, "Kano's governor imposed a curfew on the city on Tuesday.", False, "actors"),
    (D, "The WHO declared the outbreak over in Uganda on Tuesday.",
     D, "The WHO warned of a new outbreak in Congo on Tuesday.", False, "actors"),
    # --- opposite reactions or decisions
    (D, "The United States condemned North Korea's missile launch on Tuesday.",
     D, "The United States welcomed North Korea's offer of talks on Tuesday.", False, "antonym"),
    (D, "White House adviser Jake Sullivan condemned the arms transfers to Russia on Tuesday.",
     D, "White House adviser Jake Sullivan welcomed the arms transfers to Ukraine on Tuesday.", False, "antonym"),
    (D, "The shareholders approved the merger on Tuesday.",
     D, "The shareholders rejected the merger on Tuesday.", False, "antonym"),
    (D, "The bank raised its rates on Tuesday.",
     D, "The bank cut its rates on Tuesday.", False, "antonym"),
    (D, "Germany praised the court's decision on Tuesday.",
     D, "Germany criticised the court's decision on Tuesday.", False, "antonym"),
    (D, "The union and the port reached a deal on Tuesday.",
     D, "Talks between the union and the port collapsed on Tuesday.", False, "antonym"),
    (D, "Lawmakers approved the pension reform on Tuesday.",
     D, "Lawmakers voted down the pension reform on Tuesday.", False, "antonym"),
    (D, "The EU condemned the election result in Belarus on Tuesday.",
     D, "Russia hailed the election result in Belarus on Tuesday.", False, "antonym"),
    (D, "The governor signed the abortion bill into law on Tuesday.",
     D, "The governor did not sign the abortion bill on Tuesday.", False, "antonym"),
    (D, "Japan denounced China's coast guard manoeuvres on Tuesday.",
     D, "Japan denounced the Chinese coast guard's actions near the islands on Tuesday.", True, "antonym"),
    (D, "France welcomed the ceasefire on Tuesday.",
     D, "Paris praised the truce agreed on Tuesday.", True, "antonym"),
    (D, "The board accepted the chief executive's resignation on Tuesday.",
     D, "The board refused the chief executive's resignation on Tuesday.", False, "antonym"),
    # --- same wording, different figures
    (D, "North Korea fired two ballistic missiles on Tuesday.",
     D, "North Korea fired a cruise missile on Tuesday evening.", False, "numbers"),
    (D, "A magnitude 5.1 earthquake struck central Italy on Tuesday.",
     D, "A magnitude 6.0 earthquake struck northern Greece on Tuesday.", False, "numbers"),
    (D, "Ryanair cancelled 400 flights on Tuesday because of the French strike.",
     D, "EasyJet cancelled 120 flights on Tuesday because of the French strike.", False, "numbers"),
    (D, "Gunmen killed 7 soldiers in northern Mali on Tuesday.",
     D, "A roadside bomb killed 3 soldiers in central Mali on Tuesday.", False, "numbers"),
    (D, "The union said more than 4,000 workers joined the strike on Tuesday.",
     D, "The port authority said about 1,200 workers joined the strike on Tuesday.", True, "numbers"),
    (D, "The government raised the minimum wage by 5 percent on Tuesday.",
     D, "The government raised fuel taxes by 2 percent on Tuesday.", False, "numbers"),
    (D, "The Dow fell 500 points on Tuesday.",
     D, "The Dow dropped 500 points on Tuesday as bank shares slid.", True, "numbers"),
    (D, "Turkey's central bank raised rates to 45 percent on Tuesday.",
     D, "Hungary's central bank held rates at 10.75 percent on Tuesday.", False, "numbers"),
    (D, "Voters in Flint elected 3 new council members on Tuesday.",
     D, "Voters in Flint elected a new mayor on Tuesday.", False, "numbers"),
    (D, "Russia launched 30 drones at Odesa overnight into Tuesday.",
     D, "Russia launched 30 drones at the Odesa region overnight, the Ukrainian air force said on Tuesday.", True, "numbers"),
    # --- same story, a different happening
    (D, "The oil company began drilling a relief well on Tuesday.",
     D, "The oil company said on Tuesday it had spent $2 billion on the clean-up.", False, "topic"),
    (D, "Doctors in England started a three-day strike on Tuesday.",
     D, "The health secretary invited the doctors' union to talks on Tuesday.", False, "topic"),
    (D, "Firefighters evacuated 2,000 residents near Athens on Tuesday as wildfires spread.",
     D, "Greece asked the EU for firefighting planes on Tuesday.", False, "topic"),
    (D, "Syrian rebels captured the town of Maarat on Tuesday.",
     D, "Syrian government aircraft bombed Idlib on Tuesday.", False, "topic"),
    (D, "The swine flu vaccine was approved by regulators on Tuesday.",
     D, "Schools in Mexico City closed on Tuesday because of swine flu.", False, "topic"),
    (D, "The port authority asked a court for an injunction against the strike on Tuesday.",
     D, "A judge granted the port authority an injunction against the strike on Tuesday.", False, "topic"),
    (D, "The strike began at 6 a.m. on Tuesday with pickets at every gate.",
     D, "By Tuesday afternoon 14 ships were waiting at anchor outside the harbour.", False, "topic"),
    (D, "Lehman Brothers filed for bankruptcy on Tuesday.",
     D, "Bank of America agreed to buy Merrill Lynch on Tuesday.", False, "topic"),
    (D, "Kim Jong Un visited weapons factories on Tuesday, state media said.",
     D, "Kim Jong Un's visit to the factories was reported by KCNA on Tuesday with photographs.", True, "topic"),
    (D, "US troops handed control of Baghdad's Green Zone to Iraqi forces on Tuesday.",
     D, "Iraq took over security for Baghdad's Green Zone from US forces on Tuesday.", True, "topic"),
]


def split(index: int) -> str:
    """``dev`` for even positions, ``test`` for odd: each kind is in both halves."""
    return "dev" if index % 2 == 0 else "test"


def interval(date: str) -> tuple[dt.date, dt.date, Granularity]:
    """The calendar interval of ``2024-03-05``, ``2024-W10`` or ``2024-03``."""
    if "-W" in date:
        year, week = date.split("-W")
        first = dt.date.fromisocalendar(int(year), int(week), 1)
        return first, first + dt.timedelta(days=6), "week"
    if date.count("-") == 1:
        y, m = (int(x) for x in date.split("-"))
        first = dt.date(y, m, 1)
        following = dt.date(y + m // 12, m % 12 + 1, 1)
        return first, following - dt.timedelta(days=1), "month"
    day = dt.date.fromisoformat(date)
    return day, day, "day"


def mention(article: str, date: str, sentence: str, index: int = 0) -> EventMention:
    """A mention as the extractor would make it (no spaCy fields), published a day later."""
    first, last, granularity = interval(date)
    return EventMention(article_id=article, sentence_index=index, sentence=sentence, start=0, end=len(sentence),
                        first=first, last=last, granularity=granularity, time_expression=None,
                        published=last + dt.timedelta(days=1), source=article)
