"""Colour contrast (WCAG 2.2 relative luminance), so an organisation's brand colour stays readable."""

from __future__ import annotations


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    digits = hex_colour.lstrip("#")
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio_with_white(hex_colour: str) -> float:
    return (1.0 + 0.05) / (relative_luminance(hex_colour) + 0.05)
