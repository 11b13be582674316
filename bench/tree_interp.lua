-- tree_interp: a tree-walking interpreter for a tiny language: a tokenizer, a recursive-descent parser
-- building AST nodes as tables with a "kind" field, evaluation dispatching through tables of functions keyed
-- by kind (eval[node.kind](node, env)), environments as tables chained to their parent, first-class
-- functions with closures. It runs a small program with loops, recursion and arithmetic.
-- Size: the bound of the interpreted program's main loop.

local source = [[
// The interpreted program: integer arithmetic, loops, recursion, closures.
fn fib(n) {
  if (n < 2) { return n; }
  return fib(n - 1) + fib(n - 2);
}

fn gcd(a, b) {
  while (b != 0) {
    let t = b;
    b = a % b;
    a = t;
  }
  return a;
}

fn is_prime(n) {
  if (n < 2) { return 0; }
  let d = 2;
  while (d * d <= n) {
    if (n % d == 0) { return 0; }
    d = d + 1;
  }
  return 1;
}

fn collatz(n) {
  let steps = 0;
  while (n != 1) {
    if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
    steps = steps + 1;
  }
  return steps;
}

fn make_counter(step) {
  let count = 0;
  fn next() {
    count = count + step;
    return count;
  }
  return next;
}

let limit = LIMIT;
let total = 0;
let primes = 0;
let longest = 0;
let tick = make_counter(3);
let i = 1;
while (i <= limit) {
  let c = collatz(i);
  if (c > longest) { longest = c; }
  if (is_prime(i) && i % 4 == 1) { primes = primes + 1; }
  total = (total + c * 7 + gcd(i, 360) + tick() % 11) % 1000003;
  i = i + 1;
}
print(total);
print(primes);
print(longest);
print(fib(18));
print(tick());
]]

-- Tokens: {type = "num" | "name" | "op" | "eof", value = ..., line = ...}.
local keywords = {fn = true, let = true, ["if"] = true, ["else"] = true, ["while"] = true, ["return"] = true}

local function tokenize(src)
  local tokens = {}
  local pos, line = 1, 1
  local n = #src
  while pos <= n do
    local c = string.sub(src, pos, pos)
    if c == "\n" then
      line = line + 1
      pos = pos + 1
    elseif c == " " or c == "\t" or c == "\r" then
      pos = pos + 1
    elseif string.sub(src, pos, pos + 1) == "//" then
      local e = string.find(src, "\n", pos, true) or n + 1
      pos = e
    elseif string.find(c, "%d") then
      local s, e = string.find(src, "^%d+", pos)
      tokens[#tokens + 1] = {type = "num", value = tonumber(string.sub(src, s, e)), line = line}
      pos = e + 1
    elseif string.find(c, "[%a_]") then
      local s, e = string.find(src, "^[%w_]+", pos)
      local word = string.sub(src, s, e)
      tokens[#tokens + 1] = {type = keywords[word] and word or "name", value = word, line = line}
      pos = e + 1
    else
      local two = string.sub(src, pos, pos + 1)
      if two == "==" or two == "!=" or two == "<=" or two == ">=" or two == "&&" or two == "||" then
        tokens[#tokens + 1] = {type = "op", value = two, line = line}
        pos = pos + 2
      elseif string.find("+-*/%<>=!(){},;", c, 1, true) then
        tokens[#tokens + 1] = {type = "op", value = c, line = line}
        pos = pos + 1
      else
        error("line " .. line .. ": unexpected character " .. c)
      end
    end
  end
  tokens[#tokens + 1] = {type = "eof", value = "<eof>", line = line}
  return tokens
end

-- The parser: a table of methods over the token list.
local Parser = {}
Parser.__index = Parser

function Parser.new(tokens)
  return setmetatable({tokens = tokens, pos = 1}, Parser)
end

function Parser:peek() return self.tokens[self.pos] end

function Parser:next()
  local t = self.tokens[self.pos]
  self.pos = self.pos + 1
  return t
end

function Parser:check(value)
  local t = self.tokens[self.pos]
  return t.value == value and (t.type == "op" or t.type == value)
end

function Parser:expect(value)
  local t = self:next()
  if t.value ~= value then
    error(string.format("line %d: expected %s, got %s", t.line, value, t.value))
  end
  return t
end

function Parser:name()
  local t = self:next()
  if t.type ~= "name" then error(string.format("line %d: expected a name, got %s", t.line, t.value)) end
  return t.value
end

local precedence = {
  ["||"] = 1, ["&&"] = 2, ["=="] = 3, ["!="] = 3, ["<"] = 4, ["<="] = 4, [">"] = 4, [">="] = 4,
  ["+"] = 5, ["-"] = 5, ["*"] = 6, ["/"] = 6, ["%"] = 6,
}

function Parser:primary()
  local t = self:next()
  if t.type == "num" then return {kind = "num", value = t.value} end
  if t.type == "name" then
    local node = {kind = "var", name = t.value}
    while self:check("(") do
      self:next()
      local args = {}
      if not self:check(")") then
        repeat
          args[#args + 1] = self:expression(0)
        until not (self:check(",") and self:next())
      end
      self:expect(")")
      node = {kind = "call", callee = node, args = args}
    end
    return node
  end
  if t.value == "(" then
    local e = self:expression(0)
    self:expect(")")
    return e
  end
  if t.value == "-" then return {kind = "neg", operand = self:primary()} end
  if t.value == "!" then return {kind = "not", operand = self:primary()} end
  error(string.format("line %d: unexpected %s", t.line, t.value))
end

-- Precedence climbing: parses operators binding tighter than "min".
function Parser:expression(min)
  local left = self:primary()
  while true do
    local t = self:peek()
    local prec = t.type == "op" and precedence[t.value]
    if not prec or prec <= min then return left end
    self:next()
    local right = self:expression(prec)
    if t.value == "&&" then
      left = {kind = "and", left = left, right = right}
    elseif t.value == "||" then
      left = {kind = "or", left = left, right = right}
    else
      left = {kind = "binary", op = t.value, left = left, right = right}
    end
  end
end

function Parser:block()
  self:expect("{")
  local body = {}
  while not self:check("}") do body[#body + 1] = self:statement() end
  self:expect("}")
  return {kind = "block", body = body}
end

function Parser:statement()
  local t = self:peek()
  if t.type == "let" then
    self:next()
    local name = self:name()
    self:expect("=")
    local value = self:expression(0)
    self:expect(";")
    return {kind = "let", name = name, value = value}
  elseif t.type == "fn" then
    self:next()
    local name = self:name()
    self:expect("(")
    local params = {}
    if not self:check(")") then
      repeat params[#params + 1] = self:name() until not (self:check(",") and self:next())
    end
    self:expect(")")
    return {kind = "fn", name = name, params = params, body = self:block()}
  elseif t.type == "if" then
    self:next()
    self:expect("(")
    local cond = self:expression(0)
    self:expect(")")
    local node = {kind = "if", cond = cond, body = self:block()}
    if self:check("else") then
      self:next()
      node.orelse = self:check("if") and {kind = "block", body = {self:statement()}} or self:block()
    end
    return node
  elseif t.type == "while" then
    self:next()
    self:expect("(")
    local cond = self:expression(0)
    self:expect(")")
    return {kind = "while", cond = cond, body = self:block()}
  elseif t.type == "return" then
    self:next()
    local value = self:expression(0)
    self:expect(";")
    return {kind = "return", value = value}
  elseif t.value == "{" then
    return self:block()
  end
  local target = self:expression(0)
  if self:check("=") then
    self:next()
    if target.kind ~= "var" then error(string.format("line %d: cannot assign", t.line)) end
    local value = self:expression(0)
    self:expect(";")
    return {kind = "assign", name = target.name, value = value}
  end
  self:expect(";")
  return {kind = "expr", expr = target}
end

function Parser:program()
  local body = {}
  while self:peek().type ~= "eof" do body[#body + 1] = self:statement() end
  return {kind = "block", body = body}
end

-- Environments: variables of one scope, and the enclosing scope.
local Env = {}
Env.__index = Env

function Env.new(parent)
  return setmetatable({vars = {}, parent = parent}, Env)
end

function Env:define(name, value)
  self.vars[name] = value
end

function Env:lookup(name)
  local env = self
  repeat
    local v = env.vars[name]
    if v ~= nil then return v end
    env = env.parent
  until env == nil
  error("undefined variable " .. name)
end

function Env:assign(name, value)
  local env = self
  repeat
    if env.vars[name] ~= nil then
      env.vars[name] = value
      return
    end
    env = env.parent
  until env == nil
  error("assignment to undefined variable " .. name)
end

-- Evaluation: eval[kind] computes an expression; exec[kind] runs a statement and returns true when a
-- "return" was executed (the value is in env's function frame).
local eval, exec = {}, {}

local binops = {
  ["+"] = function(a, b) return a + b end,
  ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end,
  ["/"] = function(a, b) return math.floor(a / b) end,
  ["%"] = function(a, b) return a % b end,
  ["=="] = function(a, b) return a == b and 1 or 0 end,
  ["!="] = function(a, b) return a ~= b and 1 or 0 end,
  ["<"] = function(a, b) return a < b and 1 or 0 end,
  ["<="] = function(a, b) return a <= b and 1 or 0 end,
  [">"] = function(a, b) return a > b and 1 or 0 end,
  [">="] = function(a, b) return a >= b and 1 or 0 end,
}

function eval.num(node, env) return node.value end
function eval.var(node, env) return env:lookup(node.name) end
function eval.neg(node, env) return -eval[node.operand.kind](node.operand, env) end

function eval.binary(node, env)
  local l, r = node.left, node.right
  return binops[node.op](eval[l.kind](l, env), eval[r.kind](r, env))
end

eval["not"] = function(node, env)
  return eval[node.operand.kind](node.operand, env) == 0 and 1 or 0
end

eval["and"] = function(node, env)
  local l, r = node.left, node.right
  if eval[l.kind](l, env) == 0 then return 0 end
  return eval[r.kind](r, env) ~= 0 and 1 or 0
end

eval["or"] = function(node, env)
  local l, r = node.left, node.right
  if eval[l.kind](l, env) ~= 0 then return 1 end
  return eval[r.kind](r, env) ~= 0 and 1 or 0
end

local output = {}
local calls = 0

function eval.call(node, env)
  local callee = node.callee
  local args = {}
  for i, a in ipairs(node.args) do args[i] = eval[a.kind](a, env) end
  local f = eval[callee.kind](callee, env)
  if type(f) ~= "table" then error("calling a non-function") end
  if f.kind == "builtin" then return f.fn(args) end
  calls = calls + 1
  local frame = Env.new(f.env)
  local params = f.params
  if #args ~= #params then error(string.format("%s expects %d arguments", f.name, #params)) end
  for i = 1, #params do frame:define(params[i], args[i]) end
  frame.result = 0
  frame.is_frame = true
  exec.block(f.body, frame)
  return frame.result
end

function exec.block(node, env)
  local scope = Env.new(env)
  for _, stmt in ipairs(node.body) do
    if exec[stmt.kind](stmt, scope) then return true end
  end
  return false
end

exec["let"] = function(node, env)
  env:define(node.name, eval[node.value.kind](node.value, env))
  return false
end

function exec.assign(node, env)
  env:assign(node.name, eval[node.value.kind](node.value, env))
  return false
end

function exec.expr(node, env)
  eval[node.expr.kind](node.expr, env)
  return false
end

exec["fn"] = function(node, env)
  env:define(node.name, {kind = "closure", name = node.name, params = node.params, body = node.body, env = env})
  return false
end

exec["if"] = function(node, env)
  if eval[node.cond.kind](node.cond, env) ~= 0 then return exec.block(node.body, env) end
  if node.orelse then return exec.block(node.orelse, env) end
  return false
end

exec["while"] = function(node, env)
  local cond = node.cond
  while eval[cond.kind](cond, env) ~= 0 do
    if exec.block(node.body, env) then return true end
  end
  return false
end

exec["return"] = function(node, env)
  local value = eval[node.value.kind](node.value, env)
  local frame = env
  while not frame.is_frame do frame = frame.parent end
  frame.result = value
  return true
end

local limit = tonumber(arg and arg[1]) or 10000
local tokens = tokenize((string.gsub(source, "LIMIT", string.format("%d", limit))))
local ast = Parser.new(tokens):program()
local globals = Env.new(nil)
globals:define("print", {kind = "builtin", fn = function(args)
  output[#output + 1] = args[1]
  return 0
end})
globals.is_frame = true
exec.block(ast, globals)
local sum = 0
for i, v in ipairs(output) do
  print(string.format("%d", v))
  sum = (sum * 31 + v) % 1000000007
end
print(string.format("tokens %d calls %d checksum %d", #tokens, calls, sum))
