"""Speed of the kramdown engine beside the house Markdown engine, medians side by side.

A typical Markdown post of about 2 KB (headings, smart quotes, a list nested by two
spaces, an attribute list, a fenced Python block, a table, a footnote), converted by
``KramdownEngine.convert`` and by ``PythonMarkdownEngine.convert``, both
with source-line anchors, alternating run by run so both see the same machine load.
A post twenty times as long is shown too (below the house engine's part cache
threshold, so both convert it whole).

Run: python benchmarks/bench_kramdown.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.render.kramdown import KramdownEngine  # noqa: E402
from editor.render.markdown import PythonMarkdownEngine  # noqa: E402

POST = '''\
# 동네 도서관 야간 열람실, 한 달 이용기

The library's night reading room opened a month ago -- and it's "busier than the
day room," says the librarian. Here's what we learned...
{: .lead}

## 운영 시간과 예약

- Weekdays: 18:00--23:00
  - booking opens at noon
  - seats are held for 15 minutes
- Weekends: closed

1. Sign in with your card.
2. Pick a seat on the map.
   - window seats go first
3. Check in at the desk.

## 좌석 현황

| Floor | Seats | Lamps |
|:------|------:|:-----:|
| 2F    | 48    | yes   |
| 3F    | 36    | no    |

The booking page is a small script[^1]:

```python
def free_seats(floor, booked):
    """Seats of a floor nobody booked."""
    return [seat for seat in floor.seats if seat not in booked]
```

> "Quiet, warm and open late -- what more could a student want?"
> -- a regular

Opening hours were set after a survey of 1,200 neighbours; most asked for "late
evenings, not early mornings." The room holds eighty-four seats over two floors,
each with a lamp, a socket and a hook for a coat -- small things that matter at
eleven at night.

### 이용자 이야기

Students came first, then office workers; by the third week the 'quiet corner' on
the third floor was full every night. A few things regulars asked for:

* more sockets by the windows
* a water fountain on each floor
* longer hours before exams

**Note:** the desk lends reading lamps and earplugs; return them by closing time.
Lost cards are replaced at the front desk for a small fee; bring an ID and allow
a few minutes. Group rooms can't be booked at night, but the café stays open
until ten and sells tea, coffee and "study snacks" at half price after eight.

## 앞으로의 계획

The city plans a *second* room next spring; see the [notice][n] for details, or
write to `desk@library.example`.

[n]: https://example.com/notice "Notice"
[^1]: Written by a volunteer in 'two weekends', they say.
'''


def _median_ms(durations: list[float]) -> float:
    return statistics.median(durations) * 1000


def compare(text: str, runs: int) -> tuple[float, float]:
    """Median ms of (kramdown engine, house engine) converting ``text`` with anchors."""
    engine = KramdownEngine()
    house = PythonMarkdownEngine()
    engine.convert(text)
    house.convert(text)
    kramdown_times: list[float] = []
    house_times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        engine.convert(text)
        kramdown_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        house.convert(text)
        house_times.append(time.perf_counter() - start)
    return _median_ms(kramdown_times), _median_ms(house_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    long_post = "\n\n".join(POST.replace("[^1]", f"[^{n}]") for n in range(20))
    print(f"{'post':<24}{'kramdown engine':>18}{'house engine':>16}")
    for label, text, count in (
        (f"typical ({len(POST.encode()) / 1024:.1f} KB)", POST, runs),
        (f"long ({len(long_post.encode()) / 1024:.0f} KB)", long_post, max(runs // 10, 5)),
    ):
        kramdown_ms, house_ms = compare(text, count)
        print(f"{label:<24}{kramdown_ms:>15.2f} ms{house_ms:>13.2f} ms")


if __name__ == "__main__":
    main()
