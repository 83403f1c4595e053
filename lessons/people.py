# The article's people: weight - 135 (lb), height - 66 (in); 1 is female.
data = [
    [-2, -1],   # Alice
    [25, 6],    # Bob
    [17, 4],    # Charlie
    [-15, -6],  # Diana
]
all_y_trues = [1, 0, 0, 1]
# Two more, never learned from, to try at the end:
emily = [-7, -3]  # 128 lb, 63 in
frank = [20, 2]   # 155 lb, 68 in
