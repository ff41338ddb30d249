# ok: secret-pypi-token
TOKEN_PREFIX = "pypi-AgEIcHlwaS5vcmc"
