-- string.reverse reverses bytes.
print(("hello"):reverse())   -- expect: olleh
print(string.reverse("") == "") -- expect: true
print(("a"):reverse())       -- expect: a
