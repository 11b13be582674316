-- package.preload supplies loaders.
package.preload.virtual = function(name) return {tag = "virtual " .. name} end
print(require("virtual").tag) -- expect: virtual virtual
