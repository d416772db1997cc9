from solution import broken_half, first, label, mean, repeat, scale


def expect_type_error(call, *args, mentioning=None, **kwargs):
    try:
        call(*args, **kwargs)
    except TypeError as err:
        if mentioning is not None:
            assert mentioning in str(err), f"expected {mentioning!r} in the message, got {str(err)!r}"
        return
    raise AssertionError(f"expected TypeError for args={args!r} kwargs={kwargs!r}")


def test_correct_calls_pass_through():
    assert repeat("ab") == "abab"
    assert repeat("ab", 3) == "ababab"
    assert repeat("ab", times=1) == "ab"


def test_wrong_positional_argument():
    expect_type_error(repeat, 3, 2, mentioning="text")


def test_wrong_keyword_argument():
    expect_type_error(repeat, "ab", times="3", mentioning="times")


def test_keyword_only_parameter_is_checked():
    got = mean([1, 2, 3, 4])
    assert got == 2.5, f"expected 2.5, got {got!r}"
    assert mean([1, 2], precision=0) == 2.0
    expect_type_error(mean, [1, 2, 3], precision="2", mentioning="precision")


def test_list_annotation_rejects_tuple():
    expect_type_error(mean, (1, 2, 3), mentioning="values")


def test_unannotated_parameters_accept_anything():
    assert label(None, 3) == "None: 3"
    assert label(["x"], count=1) == "['x']: 1"
    expect_type_error(label, "x", count=1.5, mentioning="count")


def test_float_annotation_accepts_int():
    got = scale(3, 2)
    assert got == 6, f"expected 6, got {got!r}"
    assert scale(1.5) == 1.5
    expect_type_error(scale, "3", mentioning="x")


def test_non_class_annotations_are_ignored():
    assert first("abc") == "a"
    assert first([10, 20]) == 10


def test_return_value_is_checked():
    expect_type_error(broken_half, 4, mentioning="return")


def test_argument_is_checked_before_the_call():
    expect_type_error(broken_half, "4", mentioning="n")


def test_calls_that_do_not_fit_still_raise_type_error():
    expect_type_error(repeat)
    expect_type_error(repeat, "ab", colour="red")
