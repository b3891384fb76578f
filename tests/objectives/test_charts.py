from __future__ import annotations

from dueregard.objectives.charts import trend_svg


def test_a_trend_is_hidden_from_screen_readers_and_scaled_to_its_box() -> None:
    svg = str(trend_svg([1.0, 3.0, 2.0], width=100, height=50))
    assert svg.startswith('<svg class="app-trend" aria-hidden="true" focusable="false"')
    # lowest value at the bottom (y = height - padding), highest at the top (y = padding)
    assert 'd="M4.0,46.0 L50.0,4.0 L96.0,25.0"' in svg
    assert 'cx="96.0" cy="25.0"' in svg


def test_a_target_line_is_drawn_when_given() -> None:
    svg = str(trend_svg([10.0, 20.0], target=30.0, width=100, height=50))
    assert '<line class="app-trend__target" x1="4" x2="96" y1="4.0" y2="4.0"/>' in svg


def test_one_value_makes_no_chart() -> None:
    assert str(trend_svg([5.0])) == ""
